// The same server entry as the app's, so the floor renders and sends pages the same way.
export { default } from "../../../app/entry.server.tsx";
