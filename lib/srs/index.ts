export * from "./scheduler";
export * from "./settings";
export * from "./format-interval";
export { State } from "ts-fsrs";
