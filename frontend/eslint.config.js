import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  { ignores: ["target/", "node_modules/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: globals.browser },
    rules: {
      "no-console": "error",
    },
  },
  // Features (auth/, movies/, users/) do not import each other, except the session (auth/) every page reads;
  // what more than one needs lives in components/ and hooks/, which import no feature.
  ...[
    ["src/movies/**", ["users"]],
    ["src/users/**", ["movies"]],
    ["src/auth/**", ["movies", "users"]],
    ["src/{components,hooks}/**", ["auth", "movies", "users"]],
  ].map(([files, features]) => ({
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: features.map((feature) => ({
            group: [`../${feature}/*`],
            message: `Feature folders do not import each other: move what ${feature}/ shares to components/ or hooks/.`,
          })),
        },
      ],
    },
  })),
]);
