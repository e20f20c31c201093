import { api, setCSRF, upload } from "./api.js";
import { duration, labelOf, language, strings, t, when } from "./strings.js";

const main = document.querySelector("#main");
let me = null;
let refreshTimer = null;
let renderedKey = "";
let canned = [];

// Elements are built, never parsed from strings: what providers wrote can never become markup.
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "text") element.textContent = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// A message's text with its web addresses as links (a shared location's map, a page the provider names), opened
// in a new tab; the rest stays text.
function linked(text) {
  return text.split(/(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/).map((part, index) => index % 2
    ? el("a", { href: part, target: "_blank", rel: "noopener noreferrer" }, part) : part);
}

function translateStatic() {
  document.documentElement.lang = language();
  for (const element of document.querySelectorAll("[data-text]")) element.textContent = t(element.dataset.text);
  document.querySelector("#language").textContent = t("language");
}

function setLive(ok) {
  const live = document.querySelector("#live");
  live.textContent = ok ? `● ${t("live")}` : `○ ${t("offline")}`;
  live.classList.toggle("offline", !ok);
}

// "32 B", "240 KB", "3,4 MB": a file's size as the phone that sent it shows it.
function fileSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(language() === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 1 })} MB`;
}

function slaCell(ticket) {
  const sla = ticket.sla || {};
  if (sla.stopped) return el("span", { class: "tag" }, t("stopped"));
  if (sla.paused) return el("span", { class: "tag" }, t("paused"));
  // Once breached the clock reads how late the ticket is: "Terlambat 3 j 10 m", without a minus sign.
  const text = duration(sla.breached ? Math.abs(sla.remaining_seconds ?? 0) : sla.remaining_seconds ?? 0);
  return sla.breached ? el("span", { class: "tag danger" }, `⚠ ${t("breached")} ${text}`) : el("span", {}, text);
}

function ticketTable(tickets) {
  if (!tickets.length) return el("p", { class: "empty" }, t("nothing"));
  const head = el("tr", {}, ["number", "title", "company", "reporter", "created", "status", "sla"].map((key) => el("th", { scope: "col" }, t(key))));
  const rows = tickets.map((ticket) =>
    el("tr", {},
      el("td", {}, el("a", { href: `#/tiket/${ticket.number}`, class: "ticket-link" }, `#${ticket.number}`)),
      el("td", {}, ticket.title),
      el("td", {}, ticket.company_name || "–"),
      el("td", {}, reporterLabel(ticket)),
      el("td", {}, when(ticket.created_at)),
      el("td", {}, labelOf("statuses", ticket.status)),
      el("td", {}, slaCell(ticket))));
  return el("table", { class: "tickets" }, el("thead", {}, head), el("tbody", {}, rows));
}

async function listView(title, query, filters = false) {
  const params = new URLSearchParams(query);
  const status = sessionStorage.getItem("loket.filter.status") || "";
  const assignee = sessionStorage.getItem("loket.filter.assignee") || "";
  if (filters && status) params.set("status", status);
  if (filters && assignee) params.set("assignee", assignee);
  const page = await api("GET", `/api/tickets?${params}`);
  let tickets = page.tickets;
  const search = (sessionStorage.getItem("loket.filter.search") || "").toLowerCase();
  const type = sessionStorage.getItem("loket.filter.type") || "";
  const level = sessionStorage.getItem("loket.filter.level") || "";
  const since = sessionStorage.getItem("loket.filter.since") || "";
  const service = sessionStorage.getItem("loket.filter.service") || "";
  const services = [...new Set(page.tickets.map((ticket) => ticket.title))].sort();
  if (filters) {
    tickets = tickets.filter((ticket) => (!type || ticket.type === type) && (!level || String(ticket.level) === level)
      && (!service || ticket.title === service) && (!since || Date.parse(ticket.created_at) >= Date.parse(`${since}T00:00:00+07:00`)));
  }
  if (filters && search) {
    tickets = tickets.filter((ticket) =>
      [String(ticket.number), ticket.company_name, ticket.reporter_wa_id, ticket.director_phone, ticket.tax_or_staff_id, ticket.title]
        .some((value) => (value || "").toLowerCase().replace(/[^a-z0-9]/g, "").includes(search.replace(/[^a-z0-9]/g, ""))));
  }
  const parts = [el("h1", {}, title)];
  if (filters) {
    const select = el("select", { id: "filter-status", onchange: (event) => { sessionStorage.setItem("loket.filter.status", event.target.value); refresh(true); } },
      el("option", { value: "" }, t("anyStatus")),
      ["new", "in_progress", "waiting_on_reporter", "escalated", "waiting_on_level1", "resolved", "reopened", "closed", "cancelled"]
        .map((value) => el("option", { value, selected: value === status }, labelOf("statuses", value))));
    const input = el("input", { id: "filter-search", type: "search", value: sessionStorage.getItem("loket.filter.search") || "",
      onchange: (event) => { sessionStorage.setItem("loket.filter.search", event.target.value); refresh(true); } });
    const choose = (id, key, options) => el("select", { id, onchange: (event) => { sessionStorage.setItem(key, event.target.value); refresh(true); } },
      options.map(([value, label]) => el("option", { value, selected: value === (sessionStorage.getItem(key) || "") }, label)));
    parts.push(el("div", { class: "filters" },
      el("label", { for: "filter-status" }, t("filterStatus")), select,
      el("label", { for: "filter-search" }, t("search")), input,
      el("label", { for: "filter-type" }, t("type")), choose("filter-type", "loket.filter.type", [["", "–"], ...Object.entries(strings[language()].types)]),
      el("label", { for: "filter-level" }, t("level")), choose("filter-level", "loket.filter.level", [["", "–"], ["1", "1"], ["2", "2"]]),
      el("label", { for: "filter-service" }, t("title")), choose("filter-service", "loket.filter.service", [["", "–"], ...services.map((title) => [title, title])]),
      el("label", { for: "filter-assignee" }, t("assignee")), el("input", { id: "filter-assignee", value: assignee,
        onchange: (event) => { sessionStorage.setItem("loket.filter.assignee", event.target.value.trim()); refresh(true); } }),
      el("label", { for: "filter-since" }, t("since")), el("input", { id: "filter-since", type: "date", value: since,
        onchange: (event) => { sessionStorage.setItem("loket.filter.since", event.target.value); refresh(true); } })));
  }
  parts.push(ticketTable(tickets));
  return parts;
}

function field(label, value) {
  return [el("dt", {}, label), el("dd", {}, value || "–")];
}

// "✓ terkirim", "✓✓ dibaca", "⚠ gagal: …": the state in words beside its mark, never by colour alone.
function delivery(message) {
  const marks = { queued: "⏳", sending: "⏳", held: "⏸", sent: "✓", delivered: "✓✓", read: "✓✓", played: "✓✓", failed: "⚠" };
  const words = strings[language()].delivery;
  const text = `${marks[message.delivery] || ""} ${words[message.delivery] || message.delivery}` +
    (message.as_template ? ` (${words.template})` : "") + (message.error ? `: ${message.error}` : "");
  return el("span", { class: `delivery ${message.delivery}` }, text);
}

function timeline(activities, whatsapp) {
  const unmatched = [...(whatsapp?.messages || [])];
  return el("ol", { class: "timeline" }, activities.map((activity) => {
    let state = null;
    if (activity.direction === "outbound" && activity.text) {
      // A file reply ("📎 name") is the earliest file sent not matched yet: its caption reads otherwise.
      const file = activity.kind === "staff_reply" && activity.text.startsWith("📎 ");
      const index = unmatched.findIndex((message) => file
        ? ["document", "image", "video"].includes(message.kind) : (message.text || "").includes(activity.text));
      if (index >= 0) state = delivery(unmatched.splice(index, 1)[0]);
    }
    return el("li", { class: `entry ${activity.direction}` },
      el("div", { class: "meta" }, `${t(activity.direction)} · ${activity.actor.name} · ${when(activity.at)} · ${strings[language()].kinds[activity.kind] || activity.kind}`),
      activity.text ? el("p", { class: "bubble" }, linked(activity.text)) : null, state);
  }));
}

function actionForm(ticket, verification) {
  const message = el("p", { class: "notice", role: "status", "aria-live": "polite" });
  const text = el("textarea", { id: "reply-text", rows: 4, maxlength: 8192 });
  const picker = el("select", { id: "canned", onchange: (event) => {
    const answer = canned.find((item) => item.id === event.target.value);
    if (answer) { text.value = answer[`text_${language()}`]; text.focus(); }
    event.target.value = "";
  } }, el("option", { value: "" }, t("cannedPick")), canned.map((item) => el("option", { value: item.id }, item[`title_${language()}`])));
  // The types the API takes, by extension for a browser that reports none.
  const fileTypes = {
    pdf: "application/pdf", jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", txt: "text/plain",
    doc: "application/msword", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    xls: "application/vnd.ms-excel", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ppt: "application/vnd.ms-powerpoint", pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    mp4: "video/mp4", "3gp": "video/3gpp",
  };
  const file = el("input", { id: "reply-file", type: "file", accept: Object.keys(fileTypes).map((extension) => `.${extension}`).join(",") });
  const sendFile = async () => {
    const chosen = file.files[0];
    const type = Object.values(fileTypes).includes(chosen.type) ? chosen.type : fileTypes[(chosen.name.split(".").pop() || "").toLowerCase()];
    if (!type) { message.textContent = t("fileType"); return; }
    if (chosen.size > 16 * 1024 * 1024) { message.textContent = t("fileTooLarge"); return; }
    if (type.startsWith("image/") && chosen.size > 5 * 1024 * 1024) { message.textContent = t("photoTooLarge"); return; }
    const query = new URLSearchParams({ name: chosen.name });
    if (text.value.trim()) query.set("caption", text.value.trim());
    message.textContent = t("fileSending");
    try {
      await upload(`/api/tickets/${ticket.number}/files?${query}`, chosen, type);
      text.value = "";
      file.value = "";
      message.textContent = t("sent");
      await refresh(true);
    } catch (error) {
      message.textContent = error.message;
    }
  };
  const act = async (body, needsText = true) => {
    if (file.files.length > 0) {
      // A file goes with a reply only: the other actions would leave it unsent without a word.
      if (body.action === "reply") return sendFile();
      message.textContent = t("fileOnlyWithReply");
      return;
    }
    if (needsText) {
      if (!text.value.trim()) { message.textContent = t("required"); return; }
      body.text = text.value.trim();
    }
    try {
      await api("POST", `/api/tickets/${ticket.number}/actions`, body);
      text.value = "";
      message.textContent = t("sent");
      await refresh(true);
    } catch (error) {
      message.textContent = error.message;
    }
  };
  const buttons = [];
  const level2 = me.role !== "l1";
  const open = !["closed", "cancelled"].includes(ticket.status);
  if (open && ticket.status !== "new") {
    buttons.push(el("button", { type: "button", class: "primary", id: "send-reply", onclick: () => act({ action: "reply" }) }, t("send")));
    buttons.push(el("button", { type: "button", onclick: () => act({ action: "ask_feedback", from: "reporter" }) }, t("askFeedback")));
    if (!level2) buttons.push(el("button", { type: "button", onclick: () => act({ action: "escalate" }) }, t("escalate")));
    if (level2) buttons.push(el("button", { type: "button", id: "ask-level1", onclick: () => act({ action: "ask_feedback", from: "level1" }) }, t("askLevel1")));
    if (!level2 && ticket.status === "waiting_on_level1") buttons.push(el("button", { type: "button", onclick: () => act({ action: "answer_level2" }) }, t("answerLevel2")));
    buttons.push(el("button", { type: "button", onclick: () => act({ action: "resolve" }) }, t("resolve")));
    if (!verification || verification.paused) {
      buttons.push(el("button", { type: "button", id: "documents-complete", onclick: () => act({ action: "documents_complete" }, false) }, t("documentsComplete")));
    }
  }
  buttons.push(el("button", { type: "button", onclick: () => act({ action: "note" }) }, t("note")));
  if (level2 && ticket.category === "data_pribadi" && !isErased(ticket)) {
    // UU 27/2022: approving the reporter's erasure request cannot be undone, so it is asked twice.
    buttons.push(el("button", { type: "button", class: "danger", id: "erase-data", onclick: () => {
      if (window.confirm(t("eraseConfirm"))) act({ action: "erase_personal_data" }, false);
    } }, t("erase")));
  }
  return el("section", { class: "panel", "aria-labelledby": "reply-heading" },
    el("h2", { id: "reply-heading" }, t("reply")),
    el("label", { for: "canned" }, t("canned")), picker,
    el("label", { for: "reply-text" }, t("replyText")), text,
    open && ticket.status !== "new" ? [el("label", { for: "reply-file" }, t("replyFile")), file] : null,
    el("div", { class: "buttons" }, buttons), message);
}

function takeForm(ticket) {
  const select = (id, values, current) => el("select", { id, name: id },
    Object.entries(values).map(([value, label]) => el("option", { value, selected: value === current }, label)));
  const message = el("p", { class: "notice", role: "status", "aria-live": "polite" });
  const confirm = el("div", { class: "confirm", hidden: true },
    el("p", {}, t("takeConfirm")),
    el("button", { type: "submit", class: "primary", id: "take-confirm" }, t("takeYes")), " ",
    el("button", { type: "button", id: "take-cancel", onclick: () => { confirm.hidden = true; } }, t("cancel")));
  const form = el("form", { class: "panel", id: "take-form", onsubmit: async (event) => {
    event.preventDefault();
    if (confirm.hidden) { confirm.hidden = false; document.getElementById("take-confirm").focus(); return; }
    const data = new FormData(form);
    try {
      await api("POST", `/api/tickets/${ticket.number}/actions`, {
        action: "take", category: data.get("category") || undefined, type: data.get("type"), priority: data.get("priority"),
        application_version: data.get("version") || undefined });
      message.textContent = t("taken");
      await refresh(true);
    } catch (error) {
      message.textContent = error.code === "already_taken" ? `${t("alreadyTaken")} ${error.message}` : error.message;
      confirm.hidden = true;
    }
  } },
    el("h2", {}, t("take")), el("p", { class: "hint" }, t("takeHint")),
    el("label", { for: "category" }, t("category")), el("input", { id: "category", name: "category", value: ticket.category || "" }),
    el("label", { for: "type" }, t("type")), select("type", strings[language()].types, ticket.type || "permintaan_layanan"),
    el("label", { for: "priority" }, t("priority")), select("priority", strings[language()].priorities, ticket.priority || "normal"),
    el("label", { for: "version" }, t("version")), el("input", { id: "version", name: "version", value: ticket.application_version || "SPSE 4.5" }),
    el("button", { type: "submit", class: "primary", id: "take" }, t("take")), confirm, message);
  return form;
}

async function ticketView(number) {
  const detail = await api("GET", `/api/tickets/${number}`);
  const ticket = detail.ticket;
  const documents = detail.attachments.length
    ? el("ul", { class: "documents" }, detail.attachments.map((attachment) => {
      const href = `/api/tickets/${number}/attachments/${attachment.sha256}`;
      // A voice note or a video (a screen recording of the error) plays on the page, with its link beside it.
      const player = attachment.mime_type.startsWith("audio/")
        ? el("audio", { controls: true, preload: "none", src: href, "aria-label": `${t("voiceNote")} ${attachment.original_name}` })
        : attachment.mime_type.startsWith("video/")
          ? el("video", { controls: true, preload: "metadata", src: href, "aria-label": `${t("video")} ${attachment.original_name}` }) : null;
      return el("li", {}, el("a", { href, target: "_blank", rel: "noopener", class: "document-link" },
        `${t("open")}: ${attachment.original_name}`), ` (${fileSize(attachment.size)})`,
        attachment.sender && attachment.sender.role !== "reporter" ? ` · ${t("sentBy")} ${attachment.sender.name}` : null, player);
    }))
    : el("p", { class: "empty" }, t("noDocuments"));
  const facts = el("dl", { class: "facts" },
    field(t("status"), labelOf("statuses", ticket.status)), field(t("sla"), slaCell(ticket)), field(t("company"), ticket.company_name),
    field(t("businessForm"), ticket.business_form), field(t("taxId"), ticket.tax_or_staff_id),
    field(t("directorPhone"), ticket.director_phone), field(t("reporter"), reporterLabel(ticket)),
    field(t("category"), ticket.category), field(t("type"), strings[language()].types[ticket.type]),
    field(t("priority"), strings[language()].priorities[ticket.priority]), field(t("version"), ticket.application_version),
    field(t("level"), String(ticket.level)), field(t("assignee"), ticket.assignee));
  const side = el("aside", { class: "side" }, el("h2", {}, t("details")), facts, el("h2", {}, t("documents")), documents);
  const warning = detail.whatsapp && !detail.whatsapp.window_open && !isErased(ticket)
    ? el("p", { class: "warning", role: "note" }, `⚠ ${t("windowClosed")}`) : null;
  const center = el("section", { class: "conversation" }, el("h2", {}, t("activity")), timeline(detail.activities, detail.whatsapp), warning,
    ticket.status === "new" && me.role === "l1" ? takeForm(ticket) : actionForm(ticket, detail.verification),
    verificationPanel(ticket, detail.verification));
  return [el("h1", {}, `#${ticket.number} ${ticket.title}`), el("div", { class: "ticket-page" }, center, side)];
}

// The verification call once the documents are complete: where it stands, and what staff can do with it
// (book it or move it to a free time, cancel it, record how it went). The provider is told each change.
function verificationPanel(ticket, verification) {
  if (!verification || ["closed", "cancelled"].includes(ticket.status)) return null;
  const message = el("p", { class: "notice", role: "status", "aria-live": "polite" });
  const act = async (body) => {
    try {
      await api("POST", `/api/tickets/${ticket.number}/actions`, body);
      await refresh(true);
    } catch (error) { message.textContent = error.message; }
  };
  const booking = verification.booking;
  const state = verification.verified_at ? `${t("callVerified")} ${when(verification.verified_at)}.`
    : booking ? `${t("callBooked")} ${when(booking.start)} · ${t("verifier")} ${booking.verifier}.`
    : verification.hold ? `${t("callHeld")} ${when(verification.hold.start)}.`
    : verification.paused ? t("callPaused") : t("callToChoose");
  const content = [el("h2", { id: "call-heading" }, t("callHeading")), el("p", { id: "call-state" }, state)];
  if (verification.no_shows > 0) content.push(el("p", {}, `${t("noShowCount")}: ${verification.no_shows}`));
  if (!verification.verified_at) {
    // The free times grouped by day, as the provider sees them in the chat.
    const byDay = new Map();
    for (const start of verification.free_slots) {
      const day = when(start, false);
      byDay.set(day, [...(byDay.get(day) || []), start]);
    }
    const picker = el("select", { id: "call-slot", name: "start" }, [...byDay].map(([day, starts]) =>
      el("optgroup", { label: day }, starts.map((start) => el("option", { value: start }, when(start))))));
    const reason = el("input", { id: "call-reason", name: "reason", required: Boolean(booking) });
    const form = el("form", { id: "call-form", onsubmit: (event) => {
      event.preventDefault();
      const body = { action: booking ? "verification_move" : "verification_book", start: picker.value };
      if (reason.value.trim()) body.reason = reason.value.trim();
      act(body);
    } },
      el("label", { for: "call-slot" }, booking ? t("newTime") : t("callTime")),
      verification.free_slots.length ? picker : el("p", { class: "empty" }, t("noFreeSlots")),
      el("label", { for: "call-reason" }, booking ? t("reasonForProvider") : t("reasonOptional")), reason,
      el("div", { class: "buttons" },
        el("button", { type: "submit", id: "call-book", class: booking ? null : "primary", disabled: !verification.free_slots.length }, booking ? t("move") : t("bookCall")),
        booking ? [
          el("button", { type: "button", id: "call-done", onclick: () => act({ action: "verification_done" }) }, t("done")),
          Date.parse(booking.start) <= Date.now() ? el("button", { type: "button", id: "call-no-show", onclick: () => act({ action: "verification_no_show" }) }, t("noShow")) : null,
          el("button", { type: "button", class: "danger", id: "call-cancel", onclick: () => {
            if (!reason.value.trim()) { message.textContent = t("reasonFirst"); reason.focus(); return; }
            act({ action: "verification_cancel", reason: reason.value.trim() });
          } }, t("cancelCall")),
        ] : null));
    content.push(form);
  }
  content.push(message);
  return el("section", { class: "panel", id: "verification", "aria-labelledby": "call-heading" }, content);
}

// Moving a call: a new time (WIB) and the reason the provider will read.
function moveForm(call) {
  const id = `move-${call.ticket}`;
  const form = el("form", { class: "move", onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await api("POST", `/api/tickets/${call.ticket}/actions`, { action: "verification_move", start: `${data.get("start")}:00+07:00`, reason: data.get("reason") });
      await refresh(true);
    } catch (error) { form.querySelector(".notice").textContent = error.message; }
  } },
    el("label", { for: `${id}-start` }, t("newTime")), el("input", { id: `${id}-start`, name: "start", type: "datetime-local", required: true }),
    el("label", { for: `${id}-reason` }, t("reason")), el("input", { id: `${id}-reason`, name: "reason", required: true }),
    el("button", { type: "submit" }, t("move")), el("span", { class: "notice", role: "status" }));
  return el("details", {}, el("summary", {}, t("move")), form);
}

async function agendaView() {
  const day = sessionStorage.getItem("loket.agenda.day") || new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  const agenda = await api("GET", `/api/verification/agenda?from=${day}&to=${day}`);
  const picker = el("input", { type: "date", id: "agenda-day", value: day,
    onchange: (event) => { sessionStorage.setItem("loket.agenda.day", event.target.value); refresh(true); } });
  const outcome = (number, action) => async () => {
    try { await api("POST", `/api/tickets/${number}/actions`, { action }); await refresh(true); } catch (error) { alert(error.message); }
  };
  const rows = agenda.calls.map((call) => el("tr", {},
    el("td", {}, when(call.start).split(" ").slice(-2).join(" ")),
    el("td", {}, String(call.verifier)),
    el("td", {}, el("a", { href: `#/tiket/${call.ticket}` }, `#${call.ticket}`), ` ${call.company_name || ""}`),
    el("td", {}, call.call_link ? el("a", { href: call.call_link, target: "_blank", rel: "noopener" }, `${t("call")} ${call.director_phone}`) : "–"),
    el("td", {}, labelOf("callStates", call.state)),
    el("td", {}, call.state === "booked" ? [el("button", { type: "button", onclick: outcome(call.ticket, "verification_done") }, t("done")),
      Date.parse(call.start) <= Date.now() ? [" ", el("button", { type: "button", onclick: outcome(call.ticket, "verification_no_show") }, t("noShow"))] : "",
      " ", moveForm(call)] : "")));
  return [el("h1", {}, t("agenda")), el("div", { class: "filters" }, el("label", { for: "agenda-day" }, t("date")), picker),
    rows.length ? el("table", { class: "tickets" }, el("thead", {}, el("tr", {}, [t("time"), t("verifier"), t("number"), t("call"), t("status"), ""].map((text) => el("th", { scope: "col" }, text)))), el("tbody", {}, rows))
      : el("p", { class: "empty" }, t("noCalls"))];
}

// A horizontal bar chart as inline SVG, with the same numbers in a table under it.
function barChart(title, rows) {
  const ns = "http://www.w3.org/2000/svg";
  const width = 520;
  const bar = 22;
  const labelWidth = 200;
  const max = Math.max(1, ...rows.map((row) => row.tickets));
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${Math.max(1, rows.length) * (bar + 8)}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  svg.classList.add("chart");
  rows.forEach((row, index) => {
    const y = index * (bar + 8);
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", "0");
    label.setAttribute("y", String(y + bar * 0.72));
    label.textContent = (row.key || "–").slice(0, 28);
    const rect = document.createElementNS(ns, "rect");
    rect.setAttribute("x", String(labelWidth));
    rect.setAttribute("y", String(y));
    rect.setAttribute("height", String(bar));
    rect.setAttribute("width", String(Math.max(2, (width - labelWidth - 40) * row.tickets / max)));
    const value = document.createElementNS(ns, "text");
    value.setAttribute("x", String(labelWidth + 6 + (width - labelWidth - 40) * row.tickets / max));
    value.setAttribute("y", String(y + bar * 0.72));
    value.textContent = String(row.tickets);
    svg.append(label, rect, value);
  });
  const table = el("table", { class: "tickets compact" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, title), el("th", { scope: "col" }, t("tickets")))),
    el("tbody", {}, rows.map((row) => el("tr", {}, el("td", {}, row.key || "–"), el("td", {}, String(row.tickets))))));
  return el("section", { class: "panel chart-panel" }, el("h2", {}, title), rows.length ? svg : el("p", { class: "empty" }, t("nothing")), table);
}

async function dashboardView() {
  const from = sessionStorage.getItem("loket.report.from") || "";
  const to = sessionStorage.getItem("loket.report.to") || "";
  const query = new URLSearchParams();
  if (from) query.set("from", from);
  if (to) query.set("to", to);
  const data = await api("GET", `/api/reports/dashboard?${query}`);
  const input = (id, value, key) => el("input", { type: "date", id, value, onchange: (event) => { sessionStorage.setItem(key, event.target.value); refresh(true); } });
  const tile = (label, value) => el("div", { class: "tile" }, el("span", { class: "tile-value" }, String(value)), el("span", {}, label));
  const ikm = data.ikm && data.ikm.respondents ? `${data.ikm.index} (${data.ikm.grade}, ${data.ikm.grade_label})` : "–";
  const rate = data.verification.no_show_rate === null ? "–" : `${Math.round(Number(data.verification.no_show_rate) * 100)}%`;
  const csv = (kind) => el("a", { href: `/api/reports/${kind}.csv?from=${data.from}&to=${data.to}`, download: `loket-${kind}.csv` }, `${kind}.csv`);
  return [el("h1", {}, t("dashboard")),
    el("div", { class: "filters" }, el("label", { for: "report-from" }, t("from")), input("report-from", data.from, "loket.report.from"),
      el("label", { for: "report-to" }, t("to")), input("report-to", data.to, "loket.report.to")),
    el("div", { class: "tiles" }, tile(t("openTickets"), data.open), tile(t("inProgress"), data.in_progress), tile(t("total"), data.total),
      tile(t("slaMet"), data.sla.met), tile(t("slaBreached"), data.sla.breached + data.sla.open_breached),
      tile(`IKM (${data.ikm ? data.ikm.respondents : 0} ${t("respondents")})`, ikm), tile(t("noShowRate"), rate)),
    el("div", { class: "charts" }, barChart(t("perMonth"), data.by_month), barChart(t("perService"), data.by_service),
      barChart(t("perType"), data.by_type.map((row) => ({ ...row, key: strings[language()].types[row.key] || row.key }))),
      barChart(t("perVersion"), data.by_version)),
    el("p", {}, `${t("download")}: `, ["tickets", "survey", "status", "service", "type", "version", "month", "sla", "timing", "ikm", "verification"].flatMap((kind) => [csv(kind), " "]))];
}

async function staffView() {
  const list = (await api("GET", "/api/staff")).staff;
  const message = el("p", { class: "notice", role: "status", "aria-live": "polite" });
  const save = async (body, id) => {
    try { await api("PUT", `/api/staff/${encodeURIComponent(id)}`, body); message.textContent = t("saved"); await refresh(true); }
    catch (error) { message.textContent = error.message; }
  };
  const rows = list.map((member) => el("tr", {},
    el("td", {}, member.id), el("td", {}, member.name), el("td", {}, member.role ? labelOf("roles", member.role) : "–"),
    el("td", {}, member.active ? t("active") : t("disabled")),
    el("td", {}, el("button", { type: "button", onclick: () => save({ name: member.name, role: member.role || (member.level === 2 ? "l2" : "l1"), active: !member.active }, member.id) },
      member.active ? t("disable") : t("enable")))));
  const form = el("form", { class: "panel", id: "staff-form", onsubmit: async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    await save({ name: data.get("name"), role: data.get("role") }, data.get("id"));
    if (data.get("password")) {
      try { await api("POST", `/api/staff/${encodeURIComponent(data.get("id"))}/password`, { password: data.get("password") }); }
      catch (error) { message.textContent = error.message; }
    }
  } },
    el("h2", {}, t("addStaff")),
    el("label", { for: "staff-id" }, t("staffId")), el("input", { id: "staff-id", name: "id", required: true }),
    el("label", { for: "staff-name" }, t("name")), el("input", { id: "staff-name", name: "name", required: true }),
    el("label", { for: "staff-role" }, t("role")), el("select", { id: "staff-role", name: "role" },
      ["l1", "l2", "admin"].map((role) => el("option", { value: role }, labelOf("roles", role)))),
    el("label", { for: "staff-password" }, t("password")), el("input", { id: "staff-password", name: "password", type: "password", autocomplete: "new-password" }),
    el("button", { type: "submit", class: "primary" }, t("save")), message);
  return [el("h1", {}, t("staff")),
    el("table", { class: "tickets" }, el("thead", {}, el("tr", {}, [t("staffId"), t("name"), t("role"), t("status"), ""].map((text) => el("th", { scope: "col" }, text)))), el("tbody", {}, rows)),
    form];
}

async function auditView() {
  const entries = (await api("GET", "/api/audit?limit=200")).entries;
  return [el("h1", {}, t("audit")), el("table", { class: "tickets" },
    el("thead", {}, el("tr", {}, [t("time"), t("staffId"), t("action"), t("detail"), t("address"), t("result")].map((text) => el("th", { scope: "col" }, text)))),
    el("tbody", {}, entries.map((entry) => el("tr", {}, el("td", {}, when(entry.at)), el("td", {}, entry.staff || "–"), el("td", {}, entry.action),
      el("td", {}, entry.detail), el("td", {}, entry.address), el("td", {}, entry.success ? `✓ ${t("ok")}` : `✗ ${t("refused")}`)))))];
}

async function render() {
  const route = (window.location.hash || "#/baru").slice(2).split("/");
  for (const link of document.querySelectorAll("nav a")) {
    link.toggleAttribute("aria-current", link.dataset.view === route[0]);
  }
  switch (route[0]) {
    case "tiket": return ticketView(Number(route[1]));
    case "proses": return listView(t("myTickets"), { assignee: me.id });
    case "daftar": return listView(t("allTickets"), { limit: 200 }, true);
    case "agenda": return agendaView();
    case "dasbor": return dashboardView();
    case "staf": return staffView();
    case "audit": return auditView();
    default: return listView(t("newTickets"), { status: "new" });
  }
}

// What a person is in the middle of on the current view: typed text, chosen options and open confirmations.
function workInProgress() {
  const fields = [...main.querySelectorAll("textarea, input, select")].map((field) => [field.id, field.tagName, field.value]);
  const confirming = [...main.querySelectorAll(".confirm:not([hidden])")].map((node) => node.closest("form")?.id);
  // A file chosen cannot be set by value: its list of files moves to the new field.
  const files = [...main.querySelectorAll("input[type=file]")].filter((field) => field.id && field.files.length).map((field) => [field.id, field.files]);
  return { fields, confirming, files };
}

// Puts `work` back after a re-render. A live update restores everything; a forced one (after the person's own
// action, or a change of language or view) keeps only the text typed in a text area and a file chosen.
function restore(work, liveUpdate) {
  for (const [id, files] of work.files) {
    const field = document.getElementById(id);
    if (field && field.type === "file" && !field.files.length) {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      field.files = transfer.files;
    }
  }
  for (const [id, tag, value] of work.fields) {
    const field = id && document.getElementById(id);
    if (!field || !value || field.tagName !== tag) continue;
    if (tag === "TEXTAREA") field.value = value;
    else if (liveUpdate && tag === "SELECT" && [...field.options].some((option) => option.value === value)) field.value = value;
    else if (liveUpdate && tag === "INPUT" && ["text", "search", "email", "tel", "number", "date", "time", "url"].includes(field.type)) field.value = value;
  }
  if (!liveUpdate) return;
  for (const id of work.confirming) {
    const confirm = id && document.getElementById(id)?.querySelector(".confirm");
    if (confirm) confirm.hidden = false;
  }
}

// Counts refreshes: only the latest one started draws.
let refreshGeneration = 0;
// Whether a forced refresh is waiting to draw: one a later refresh superseded passes its force on, so text an
// action used up (a call's reason) is not put back by a live update that started after it.
let forceWaiting = false;

// Re-renders the view when what it shows changed, keeping what is being typed, chosen or confirmed, and where
// the focus is.
async function refresh(force = false) {
  clearTimeout(refreshTimer);
  const generation = ++refreshGeneration;
  forceWaiting = forceWaiting || force;
  try {
    const counts = await api("GET", "/api/tickets?status=new&limit=200");
    document.querySelector("#new-count").textContent = counts.tickets.length ? `(${counts.tickets.length})` : "";
    const content = await render();
    // A later refresh (another view chosen meanwhile) draws instead: what this one fetched may be the view left.
    if (generation !== refreshGeneration) return;
    const forced = forceWaiting;
    const key = JSON.stringify(content.map((node) => node.textContent));
    if (forced || key !== renderedKey) {
      renderedKey = key;
      forceWaiting = false;
      const work = workInProgress();
      const focused = document.activeElement && main.contains(document.activeElement) ? document.activeElement.id : null;
      main.replaceChildren(...content);
      restore(work, !forced);
      if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
      const timeline = main.querySelector(".timeline");
      if (timeline) timeline.scrollTop = timeline.scrollHeight;
    }
  } catch (error) {
    setLive(false);
  }
  // The live stream triggers refreshes; this slow poll only covers a stream that is down.
  refreshTimer = setTimeout(refresh, live ? 15000 : 3000);
}

let live = false;
let pending = null;
let pendingCount = null;

// Server-Sent Events: a change to the ticket on screen (or any ticket, on a list) refreshes the view at once.
// The browser reconnects by itself and resumes after the last event it saw (Last-Event-ID); after too long
// away it gets one event without a ticket ({"reset": true}), and reloads the view once. Events in a burst
// refresh once, 50 ms after the last.
function connectLive() {
  const source = new EventSource("/api/events");
  source.addEventListener("open", () => { live = true; setLive(true); });
  source.addEventListener("error", () => { live = false; setLive(false); });
  const changed = (event) => {
    const data = JSON.parse(event.data);
    const route = (window.location.hash || "#/baru").slice(2).split("/");
    if (route[0] === "tiket" && data.ticket !== undefined && String(data.ticket) !== route[1] && event.type === "ticket") {
      clearTimeout(pendingCount);
      pendingCount = setTimeout(refreshCount, 50);
      return;
    }
    clearTimeout(pending);
    pending = setTimeout(() => refresh(), 50);
  };
  source.addEventListener("ticket", changed);
  source.addEventListener("delivery", changed);
}

async function refreshCount() {
  const counts = await api("GET", "/api/tickets?status=new&limit=200").catch(() => null);
  if (counts) document.querySelector("#new-count").textContent = counts.tickets.length ? `(${counts.tickets.length})` : "";
}

async function start() {
  const session = await api("GET", "/api/session");
  me = { ...session.staff };
  canned = (await api("GET", "/api/canned")).answers;
  setCSRF(session.csrf_token);
  translateStatic();
  document.querySelector("#who").textContent = `${me.name} (${labelOf("roleNames", me.role)})`;
  for (const link of document.querySelectorAll("[data-admin]")) link.hidden = me.role !== "admin";
  document.querySelector("#language").addEventListener("click", () => {
    localStorage.setItem("loket.language", language() === "id" ? "en" : "id");
    translateStatic();
    refresh(true);
  });
  document.querySelector("#logout").addEventListener("click", async () => {
    await api("DELETE", "/api/session").catch(() => {});
    window.location.assign("/console/login");
  });
  window.addEventListener("hashchange", () => { renderedKey = ""; refresh(true); main.focus(); });
  connectLive();
  await refresh(true);
}

start();

/** A reporter whose personal data was erased has a pseudonym, not a number. */
function isErased(ticket) {
  return String(ticket.reporter_wa_id).startsWith("erased-");
}

function reporterLabel(ticket) {
  return isErased(ticket) ? t("erased") : `${ticket.reporter_name || ""} +${ticket.reporter_wa_id}`;
}
