// The staff API from the console: the session cookie goes by itself, state-changing requests carry the
// session's CSRF token, and a refusal becomes an Error with the API's own words.
let csrf = null;

export function setCSRF(token) {
  csrf = token;
}

export async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return call(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
}

// POSTs a file as the request body, with its type.
export async function upload(path, file, type) {
  return call("POST", path, { "Content-Type": type }, file);
}

async function call(method, path, headers, body) {
  headers.Accept = "application/json";
  if (method !== "GET" && csrf) headers["X-CSRF-Token"] = csrf;
  const response = await fetch(path, { method, headers, credentials: "same-origin", body });
  if (response.status === 401 && !path.startsWith("/api/session")) {
    window.location.assign("/console/login");
    throw new Error("session ended");
  }
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(json.detail || `HTTP ${response.status}`);
    error.status = response.status;
    error.code = json.error;
    throw error;
  }
  return json;
}
