"use client";

import { QueryErrorResetBoundary } from "@tanstack/react-query";
import { Component, type ReactNode, Suspense } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type CatchProps = { onReset: () => void; title: string; children: ReactNode };

class CatchError extends Component<CatchProps, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  private retry = () => {
    this.props.onReset();
    this.setState({ error: null });
  };

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert variant="destructive">
        <AlertTitle>{this.props.title}</AlertTitle>
        <AlertDescription>
          <p>{this.state.error.message || "Something went wrong."}</p>
          <Button variant="outline" size="sm" className="mt-2 text-foreground" onClick={this.retry}>
            Try again
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
}

/** Loading (`fallback`) and error states for a part of the page that reads with useSuspenseQuery. */
export function QueryBoundary({ fallback, errorTitle, children }: { fallback: ReactNode; errorTitle: string; children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <CatchError onReset={reset} title={errorTitle}>
          <Suspense fallback={fallback}>{children}</Suspense>
        </CatchError>
      )}
    </QueryErrorResetBoundary>
  );
}
