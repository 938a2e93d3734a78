import { Alert, AlertDescription } from "@/components/ui/alert";

/** A failure the person must read before trying again; renders nothing while there is none. */
export function ErrorAlert({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null;
  return (
    <Alert variant="destructive" id={id}>
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  );
}
