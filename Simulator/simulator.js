// A WhatsApp-like phone per provider: what is sent goes to Loket as a signed Meta webhook (through the
// simulator's server side), what Loket sends arrives live from the Graph API stand-in.

// The largest file the simulator sends (PhoneSimulator.maxFileBytes).
const MAX_FILE_BYTES = 20 * 1024 * 1024;

async function post(path, body) {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json.error || `HTTP ${response.status}`);
  return json;
}

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// WhatsApp's *bold*, _italic_ and ~strike~, as elements (never as markup).
function formatted(text) {
  const parts = [];
  const pattern = /(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const inner = match[0].slice(1, -1);
    parts.push(el({ "*": "strong", "_": "em", "~": "s" }[match[0][0]], {}, inner));
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

const now = () => new Date().toLocaleTimeString("id-ID", { hour: "2-digit", minute: "2-digit" });

class Phone {
  constructor(number, name) {
    this.root = document.querySelector("#phone-template").content.firstElementChild.cloneNode(true);
    this.list = this.root.querySelector(".messages");
    this.identity = this.root.querySelector(".identity");
    this.identity.elements.phone.value = number;
    this.identity.elements.name.value = name;
    this.identity.addEventListener("change", () => this.connect());
    this.root.querySelector(".compose").addEventListener("submit", (event) => { event.preventDefault(); this.sendText(); });
    this.root.querySelector("input[type=file]").addEventListener("change", (event) => this.sendFile(event.target));
    // ↩ on a message from Loket quotes it in the next message sent, as WhatsApp's swipe-to-reply does.
    this.quoteBar = this.root.querySelector(".quote-bar");
    this.root.querySelector(".quote-cancel").addEventListener("click", () => this.quote(null));
    this.card = this.root.querySelector(".share-contact");
    this.place = this.root.querySelector(".share-location");
    // 👤 and 📍 open their form above the compose bar (one at a time), as a phone's share sheet does.
    for (const [button, form, first] of [[".contact", this.card, "contact_name"], [".location", this.place, "location_name"]]) {
      this.root.querySelector(`.compose ${button}`).addEventListener("click", () => {
        const opening = form.hidden;
        for (const other of this.root.querySelectorAll(".share")) other.hidden = true;
        form.hidden = !opening;
        if (opening) form.elements[first].focus();
      });
      form.querySelector(".share-cancel").addEventListener("click", () => { form.hidden = true; });
    }
    this.card.addEventListener("submit", (event) => { event.preventDefault(); this.sendContact(); });
    this.place.addEventListener("submit", (event) => { event.preventDefault(); this.sendLocation(); });
    this.root.querySelector(".close-window").addEventListener("click", () => this.control("/simulator/api/window", { phone: this.number }, "Jendela 24 jam ditutup: balasan berikutnya dikirim sebagai templat."));
    this.root.querySelector(".fail").addEventListener("click", () => {
      const controls = this.root.querySelector(".controls");
      this.control("/simulator/api/fail", { code: Number(controls.querySelector("select").value), count: Number(controls.querySelector("input[name=count]").value) }, "Panggilan Graph API berikutnya akan gagal.");
    });
    document.querySelector("#phones").append(this.root);
    this.connect();
  }

  get number() { return this.identity.elements.phone.value.replace(/\D/g, ""); }
  get name() { return this.identity.elements.name.value.trim() || "Penyedia"; }

  connect() {
    if (this.source) this.source.close();
    this.list.replaceChildren();
    this.source = new EventSource(`/simulator/api/events?phone=${this.number}`);
    this.source.addEventListener("message", (event) => this.received(JSON.parse(event.data)));
    this.source.addEventListener("open", () => { this.root.querySelector(".status").textContent = "online"; });
    this.source.addEventListener("error", () => { this.root.querySelector(".status").textContent = "terputus…"; });
  }

  async control(path, body, done) {
    const notice = this.root.querySelector(".controls .notice");
    try { await post(path, body); notice.textContent = done; } catch (error) { notice.textContent = error.message; }
  }

  bubble(side, ...content) {
    const item = el("li", { class: `bubble ${side}` }, ...content, el("span", { class: "time" }, now()));
    this.list.append(item);
    this.list.scrollTop = this.list.scrollHeight;
    return item;
  }

  // Quotes Loket's message `wamid` (its text shortened in the bar above the message box), or none.
  quote(wamid, text) {
    this.replyTo = wamid ? { wamid, text: text.length > 90 ? `${text.slice(0, 90)}…` : text } : null;
    this.quoteBar.hidden = !wamid;
    this.quoteBar.querySelector(".quote-text").textContent = wamid ? this.replyTo.text : "";
    if (wamid) this.root.querySelector("input[name=text]").focus();
  }

  async send(body, shown) {
    // A tap answers its own message; anything else sent carries the quote, once.
    if (this.replyTo && body.type !== "button" && body.type !== "list") {
      body = { ...body, reply_to: this.replyTo.wamid };
      shown = [el("p", { class: "quoted" }, this.replyTo.text), ...shown];
      this.quote(null);
    }
    const item = this.bubble("out", ...shown);
    const tick = el("span", { class: "tick" }, "🕓");
    item.append(tick);
    try {
      await post("/simulator/api/send", { phone: this.number, name: this.name, ...body });
      tick.textContent = "✓";
    } catch (error) {
      tick.textContent = `⚠ ${error.message}`;
      tick.classList.add("failed");
    }
  }

  sendText() {
    const input = this.root.querySelector("input[name=text]");
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    this.send({ type: "text", text }, [el("p", {}, text)]);
  }

  sendFile(input) {
    const file = input.files[0];
    input.value = "";
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      // WhatsApp itself carries larger files; the simulator stops here, above every limit Loket has.
      const item = this.bubble("out", el("p", { class: "file" }, `📄 ${file.name}`));
      item.append(el("span", { class: "tick failed" }, `⚠ file lebih dari ${MAX_FILE_BYTES / 1048576} MB tidak bisa dikirim dari simulator`));
      return;
    }
    // What is typed in the message box goes with the file as its caption, as WhatsApp lets one write under a
    // photo, a video or a document (a voice note carries none).
    const words = this.root.querySelector("input[name=text]");
    const reader = new FileReader();
    reader.addEventListener("load", () => {
      const base64 = String(reader.result).split(",")[1];
      // An Ogg file goes as a voice note, as WhatsApp records one; an MP4 or 3GP file as a video.
      const voice = file.type.startsWith("audio/") || /\.(ogg|opus)$/i.test(file.name);
      const video = !voice && (file.type.startsWith("video/") || /\.(mp4|3gp)$/i.test(file.name));
      const type = voice ? "audio" : video ? "video" : file.type.startsWith("image/") ? "image" : "document";
      const mime = voice ? "audio/ogg; codecs=opus"
        : video ? (/\.3gp$/i.test(file.name) ? "video/3gpp" : "video/mp4") : file.type || "application/pdf";
      const caption = voice ? "" : words.value.trim();
      if (caption) words.value = "";
      this.send({ type, file: base64, filename: file.name, mime, caption },
        [el("p", { class: "file" }, `${voice ? "🎤" : video ? "🎬" : "📄"} ${file.name}`), caption ? el("p", {}, caption) : null]);
    });
    reader.readAsDataURL(file);
  }

  // A contact card, as "share contact" on a phone sends one (the director's number, where the form asks for it).
  sendContact() {
    const name = this.card.elements.contact_name.value.trim();
    const phone = this.card.elements.contact_phone.value.trim();
    if (!name || !phone) return;
    this.card.reset();
    this.card.hidden = true;
    this.send({ type: "contact", contact_name: name, contact_phone: phone },
      [el("p", { class: "contact-card" }, el("strong", {}, `👤 ${name}`), el("br"), phone)]);
  }

  // A location, as a phone shares a place: its pin, with the name and address when given.
  sendLocation() {
    const fields = this.place.elements;
    const [latitude, longitude] = [Number(fields.latitude.value.replace(",", ".")), Number(fields.longitude.value.replace(",", "."))];
    const name = fields.location_name.value.trim();
    const address = fields.address.value.trim();
    this.place.hidden = true;
    this.send({ type: "location", latitude, longitude, location_name: name, address },
      [el("p", { class: "location-pin" }, el("strong", {}, `📍 ${name || "Lokasi"}`), address ? [el("br"), address] : null, el("br"), `${latitude}, ${longitude}`)]);
  }

  tap(kind, id, title) {
    this.send({ type: kind, id, title }, [el("p", {}, title)]);
  }

  received(data) {
    const message = data.message || data;
    const content = [];
    if (message.type === "text") content.push(el("p", {}, formatted(message.text.body)));
    if (message.type === "interactive") {
      const interactive = message.interactive;
      if (interactive.header && interactive.header.text) content.push(el("p", { class: "header" }, interactive.header.text));
      content.push(el("p", {}, formatted(interactive.body.text)));
      if (interactive.footer) content.push(el("p", { class: "footer" }, interactive.footer.text));
      if (interactive.type === "button") {
        content.push(el("div", { class: "buttons" }, interactive.action.buttons.map((button) =>
          el("button", { type: "button", class: "reply-button", onclick: () => this.tap("button", button.reply.id, button.reply.title) }, button.reply.title))));
      }
      if (interactive.type === "list") {
        const rows = el("div", { class: "rows", hidden: true }, interactive.action.sections.map((section) =>
          el("div", { class: "section" }, section.title ? el("p", { class: "section-title" }, section.title) : null,
            section.rows.map((row) => el("button", { type: "button", class: "row", onclick: () => { rows.hidden = true; this.tap("list", row.id, row.title); } },
              el("span", {}, row.title), row.description ? el("small", {}, row.description) : null)))));
        content.push(el("button", { type: "button", class: "list-button", onclick: () => { rows.hidden = !rows.hidden; } }, `☰ ${interactive.action.button}`), rows);
      }
    }
    if (message.type === "template") {
      const parameters = (message.template.components || []).flatMap((component) => (component.parameters || []).map((parameter) => parameter.text));
      content.push(el("p", { class: "template" }, `Templat ${message.template.name}`), el("p", {}, parameters.join(" · ")));
    }
    if (message.type === "document") {
      const name = `📄 ${message.document.filename || "dokumen"}`;
      // A file Loket uploaded opens from the stand-in's store, as the phone would download it.
      content.push(el("p", { class: "file" }, message.document.id
        ? el("a", { href: `/simulator/api/media/${encodeURIComponent(message.document.id)}`, target: "_blank", rel: "noopener" }, name)
        : name));
      if (message.document.caption) content.push(el("p", {}, formatted(message.document.caption)));
    }
    if (message.type === "image") {
      const source = message.image.id ? `/simulator/api/media/${encodeURIComponent(message.image.id)}` : message.image.link;
      // Loaded after its bubble was placed: the chat scrolls again to keep the newest message in view.
      content.push(el("img", { class: "photo", src: source, alt: "Foto", onload: () => { this.list.scrollTop = this.list.scrollHeight; } }));
      if (message.image.caption) content.push(el("p", {}, formatted(message.image.caption)));
    }
    if (message.type === "video") {
      const source = message.video.id ? `/simulator/api/media/${encodeURIComponent(message.video.id)}` : message.video.link;
      content.push(el("video", { class: "photo", src: source, controls: true, preload: "metadata", "aria-label": "Video" }));
      if (message.video.caption) content.push(el("p", {}, formatted(message.video.caption)));
    }
    if (!content.length) content.push(el("p", {}, `(${message.type})`));
    const item = this.bubble("in", ...content);
    if (data.wamid) {
      const text = content.map((part) => part.textContent).join(" ").replace(/\s+/g, " ").trim();
      item.append(el("button", { type: "button", class: "quote", title: "Balas pesan ini", "aria-label": "Balas pesan ini",
        onclick: () => this.quote(data.wamid, text) }, "↩"));
      post("/simulator/api/status", { phone: this.number, wamid: data.wamid, status: "delivered" }).catch(() => {});
      const read = () => post("/simulator/api/status", { phone: this.number, wamid: data.wamid, status: "read" }).catch(() => {});
      if (document.visibilityState === "visible") setTimeout(read, 500);
      else document.addEventListener("visibilitychange", read, { once: true });
    }
  }
}

let count = 0;
function addPhone() {
  count += 1;
  new Phone(`62812000${String(1000 + count)}`, count === 1 ? "Budi Santoso" : `Penyedia ${count}`);
}

document.querySelector("#add-phone").addEventListener("click", addPhone);
addPhone();
