import * as React from "react";
import { cn } from "@/lib/utils";

/** A form label (shadcn/ui's look). A plain <label>: Radix's Label added only a guard against text selection on double click. */
export function Label({ className, ...props }: React.ComponentProps<"label">) {
  return (
    <label
      data-slot="label"
      className={cn(
        "flex items-center gap-2 text-sm leading-none font-medium select-none peer-disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
