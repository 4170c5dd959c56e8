import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  server: {
    // `npm run dev`: the API from `./mvnw -pl movies-api -am spring-boot:run` on the same origin.
    proxy: { "/api": "http://localhost:8080" },
  },
  build: {
    // Maven's target directory: `mvn clean` removes it, the jar and the nginx image take it from here.
    outDir: "target/dist",
    emptyOutDir: true,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["src/test/setup.ts"],
    restoreMocks: true,
  },
});
