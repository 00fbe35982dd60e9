"use client";

import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React has
 * hydrated the component (keys and buttons work): pages expose it as
 * `data-ready` for keyboard handlers and the end-to-end tests. React's
 * documented idiom (useSyncExternalStore with a server snapshot), in place of
 * setting state in an effect, which renders twice.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
