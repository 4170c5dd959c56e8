// Runtime configuration. This default serves the local run (API on the page's own origin);
// the nginx image replaces it at container start from its environment (nginx/templates/config.js.template).
window.__APP_CONFIG__ = { apiBaseUrl: "" };
