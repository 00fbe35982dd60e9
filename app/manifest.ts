import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): what a phone needs to install Recall to its home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Recall",
    short_name: "Recall",
    description: "Learn the facts in a document with flashcards, quizzes and spaced repetition.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      { name: "Review", url: "/review" },
      { name: "Quiz", url: "/quiz" },
      { name: "Progress", url: "/progress" },
    ],
  };
}
