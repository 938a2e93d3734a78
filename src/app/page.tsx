import { FileImage, FileText, MessageSquareText, ScanText } from "lucide-react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

// The tool grid: each category lists its tools once the tool registry lands.
const categories = [
  { title: "PDF", description: "Merge, split, rotate, compress and organize PDFs.", icon: FileText },
  { title: "Images", description: "Convert, resize, compress and clean images.", icon: FileImage },
  { title: "Text & OCR", description: "Pull text out of PDFs and scans.", icon: ScanText },
  { title: "AI", description: "Summarize, extract, translate and chat with documents.", icon: MessageSquareText },
];

export default function HomePage() {
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-12">
      <section className="mb-10 max-w-2xl">
        <h1 className="text-4xl font-semibold tracking-tight text-balance">Every file tool you need, with live progress.</h1>
        <p className="mt-3 text-lg text-muted-foreground">
          No account needed: guests&apos; files are deleted 24 hours after upload. Sign up to keep your work.
        </p>
      </section>
      <section aria-labelledby="tools-heading">
        <h2 id="tools-heading" className="mb-4 text-xl font-semibold">
          Tools
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {categories.map(({ title, description, icon: Icon }) => (
            <li key={title}>
              <Card className="h-full">
                <CardHeader>
                  <Icon className="mb-2 size-6 text-primary" aria-hidden />
                  <CardTitle>
                    <h3>{title}</h3>
                  </CardTitle>
                  <CardDescription>{description}</CardDescription>
                </CardHeader>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
