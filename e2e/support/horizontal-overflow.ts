import type { Page } from "playwright-core";

export type OverflowReport = { scrollWidth: number; innerWidth: number; culprits: string[] };

/**
 * Whether the page scrolls sideways, and which elements cause it: those that
 * stick out past the viewport while their parent does not (the parent is then
 * squeezed correctly and the child is the one too wide). Elements inside a
 * container that scrolls or clips on its own are fine and skipped.
 */
export function measureHorizontalOverflow(page: Page): Promise<OverflowReport> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const limit = innerWidth + 0.5;
    const clipsSideways = (element: Element) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(element).overflowX);
    const insideClippingAncestor = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (clipsSideways(parent)) return true;
      }
      return false;
    };
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : "";
      const classes = typeof element.className === "string" ? element.className.split(/\s+/).filter(Boolean).slice(0, 4).map((name) => `.${name}`).join("") : "";
      const label = element.getAttribute("aria-label");
      const text = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const right = Math.round(element.getBoundingClientRect().right);
      return `<${element.tagName.toLowerCase()}${id}${classes}>${label ? ` [aria-label="${label}"]` : ""} "${text}" right edge ${right}px`;
    };
    const culprits: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= limit) continue;
      const parent = element.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > limit) continue;
      if (insideClippingAncestor(element)) continue;
      culprits.push(describe(element));
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits: culprits.slice(0, 8) };
  });
}
