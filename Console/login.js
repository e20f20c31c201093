import { api, setCSRF } from "./api.js";
import { language, t } from "./strings.js";

const form = document.querySelector("#login");
const summary = document.querySelector("#error-summary");

function render() {
  document.documentElement.lang = language();
  for (const element of document.querySelectorAll("[data-text]")) element.textContent = t(element.dataset.text);
  document.querySelector("#language").textContent = t("language");
}

document.querySelector("#language").addEventListener("click", () => {
  localStorage.setItem("loket.language", language() === "id" ? "en" : "id");
  render();
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  summary.hidden = true;
  const id = form.elements.id.value.trim();
  const password = form.elements.password.value;
  try {
    const session = await api("POST", "/api/session", { id, password });
    setCSRF(session.csrf_token);
    window.location.assign("/console");
  } catch (error) {
    summary.querySelector("p").textContent = error.status === 401 ? t("wrongPassword") : error.message;
    summary.hidden = false;
    summary.focus();
  }
});

render();
