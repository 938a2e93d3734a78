"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { ToolCard } from "./tool-card";
import { TOOL_CATEGORIES } from "./tool-categories";

/** The tool catalogue, one section per category that has tools. */
export function ToolGrid() {
  const trpc = useTRPC();
  const { data: tools } = useSuspenseQuery(trpc.tool.list.queryOptions());
  const groups = TOOL_CATEGORIES.map((category) => ({ ...category, tools: tools.filter((tool) => tool.category === category.id) })).filter(
    (group) => group.tools.length > 0,
  );

  if (groups.length === 0) {
    return <p className="rounded-xl border border-dashed p-8 text-center text-muted-foreground">No tools are available yet. Check back soon.</p>;
  }
  return (
    <div className="grid gap-10">
      {groups.map((group) => (
        <section key={group.id} aria-labelledby={`category-${group.id}`}>
          <h3 id={`category-${group.id}`} className="text-sm font-medium tracking-wide text-muted-foreground uppercase">
            {group.title}
          </h3>
          <p className="mb-4 text-sm text-muted-foreground">{group.description}</p>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {group.tools.map((tool) => (
              <li key={tool.id}>
                <ToolCard tool={tool} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
