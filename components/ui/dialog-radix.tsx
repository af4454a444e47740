"use client";

import * as React from "react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { XIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import { DialogParts } from "./dialog-parts";

const parts = { Title: DialogPrimitive.Title, Description: DialogPrimitive.Description };

/**
 * The open dialog: Radix's modal Dialog (focus trapped inside, Escape and a click outside close it, the page behind
 * inert and not scrolling), loaded by components/ui/dialog.tsx only when a dialog first opens. On close, focus goes
 * back to the trigger (or to what had it when the dialog opened).
 */
export function RadixDialogContent({
  className,
  children,
  onOpenChange,
  returnFocusTo,
  onCloseAutoFocus,
  ...props
}: React.ComponentProps<typeof DialogPrimitive.Content> & {
  onOpenChange: (open: boolean) => void;
  returnFocusTo: React.RefObject<HTMLElement | null>;
}) {
  const [focusedBefore] = React.useState(() => document.activeElement as HTMLElement | null);
  return (
    <DialogPrimitive.Root open onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <DialogPrimitive.Content
          className={cn(
            "fixed top-1/2 left-1/2 z-50 grid max-h-[90vh] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto rounded-xl border bg-background p-6 shadow-lg",
            className,
          )}
          onCloseAutoFocus={(event) => {
            onCloseAutoFocus?.(event);
            if (event.defaultPrevented) return;
            event.preventDefault();
            const target = returnFocusTo.current ?? focusedBefore;
            if (target?.isConnected) target.focus();
          }}
          {...props}
        >
          <DialogParts.Provider value={parts}>{children}</DialogParts.Provider>
          <DialogPrimitive.Close className="absolute top-4 right-4 rounded-sm opacity-70 hover:opacity-100 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none">
            <XIcon className="size-4" />
            <span className="sr-only">Close</span>
          </DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
