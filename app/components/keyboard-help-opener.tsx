"use client";

import { useEffect } from "react";

/** Opens the <dialog> `dialogId` (app/components/keyboard-help.tsx) on "?" typed anywhere but in a text field. Renders nothing. */
export function KeyboardHelpOpener({ dialogId }: { dialogId: string }) {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (e.key !== "?" || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target && (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable)) return;
      const dialog = document.getElementById(dialogId);
      if (!(dialog instanceof HTMLDialogElement) || dialog.open) return;
      e.preventDefault();
      dialog.showModal();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dialogId]);
  return null;
}
