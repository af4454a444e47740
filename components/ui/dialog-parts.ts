"use client";

import * as React from "react";
import type { Dialog as DialogPrimitive } from "radix-ui";

/** Radix's Title and Description, handed to DialogTitle and DialogDescription by the open dialog (dialog-radix.tsx). */
export type DialogPartComponents = {
  Title: typeof DialogPrimitive.Title;
  Description: typeof DialogPrimitive.Description;
};

export const DialogParts = React.createContext<DialogPartComponents | null>(null);
