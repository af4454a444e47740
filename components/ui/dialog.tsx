"use client";

import * as React from "react";
import dynamic from "next/dynamic";
import type { Dialog as DialogPrimitive } from "radix-ui";
import { cn } from "@/lib/utils";
import { DialogParts } from "./dialog-parts";
import { Slot } from "./slot";

// The dialog's API (as shadcn/ui's) with Radix's Dialog loaded only when a dialog first opens: every dialog here
// opens on a click, and Radix's Dialog (focus scope, dismissable layer, portal, scroll lock: 14 KiB gzip) was on the
// first load of every page with a dialog (issue 14, first-load JS ≤ 150 KiB). Closed, a dialog renders nothing but
// its trigger; open, dialog-radix.tsx renders it.

const RadixDialogContent = dynamic(() => import("./dialog-radix").then((m) => m.RadixDialogContent), { ssr: false });

type DialogState = {
  open: boolean;
  setOpen: (open: boolean) => void;
  trigger: React.RefObject<HTMLElement | null>;
};

const DialogStateContext = React.createContext<DialogState | null>(null);

function useDialogState(part: string): DialogState {
  const state = React.useContext(DialogStateContext);
  if (!state) throw new Error(`${part} must be inside <Dialog>`);
  return state;
}

export function Dialog({
  open: controlledOpen,
  defaultOpen = false,
  onOpenChange,
  children,
}: {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: React.ReactNode;
}) {
  const [uncontrolledOpen, setUncontrolledOpen] = React.useState(defaultOpen);
  const open = controlledOpen ?? uncontrolledOpen;
  const trigger = React.useRef<HTMLElement | null>(null);
  const state = React.useMemo<DialogState>(
    () => ({
      open,
      trigger,
      setOpen: (next) => {
        if (controlledOpen === undefined) setUncontrolledOpen(next);
        onOpenChange?.(next);
      },
    }),
    [open, controlledOpen, onOpenChange],
  );
  return <DialogStateContext.Provider value={state}>{children}</DialogStateContext.Provider>;
}

type ButtonLikeProps = React.ComponentProps<"button"> & { asChild?: boolean };

export function DialogTrigger({ asChild, onClick, ...props }: ButtonLikeProps) {
  const { open, setOpen, trigger } = useDialogState("DialogTrigger");
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      type={asChild ? undefined : "button"}
      aria-haspopup="dialog"
      aria-expanded={open}
      data-state={open ? "open" : "closed"}
      {...props}
      ref={trigger as React.Ref<HTMLButtonElement>}
      onClick={(event: React.MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) setOpen(true);
      }}
    />
  );
}

export function DialogClose({ asChild, onClick, ...props }: ButtonLikeProps) {
  const { setOpen } = useDialogState("DialogClose");
  const Comp = asChild ? Slot : "button";
  return (
    <Comp
      type={asChild ? undefined : "button"}
      {...props}
      onClick={(event: React.MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) setOpen(false);
      }}
    />
  );
}

export function DialogContent(props: React.ComponentProps<typeof DialogPrimitive.Content>) {
  const { open, setOpen, trigger } = useDialogState("DialogContent");
  if (!open) return null;
  return <RadixDialogContent {...props} onOpenChange={setOpen} returnFocusTo={trigger} />;
}

export function DialogHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div className={cn("flex flex-col gap-1.5", className)} {...props} />;
}

function useParts(part: string) {
  const parts = React.useContext(DialogParts);
  if (!parts) throw new Error(`${part} must be inside <DialogContent>`);
  return parts;
}

export function DialogTitle({ className, ...props }: React.ComponentProps<typeof DialogPrimitive.Title>) {
  const { Title } = useParts("DialogTitle");
  return <Title className={cn("text-lg font-semibold", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: React.ComponentProps<typeof DialogPrimitive.Description>) {
  const { Description } = useParts("DialogDescription");
  return <Description className={cn("text-sm text-muted-foreground", className)} {...props} />;
}
