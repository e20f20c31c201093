#!/usr/bin/env python3
"""The staff console in a real browser (Debian's chromium, Selenium), against a sandbox `loket serve`.

A provider opens a registration ticket with two PDFs through signed webhooks; a Level 1 member signs in,
sees the ticket appear in Tiket Baru without reloading, opens a PDF, classifies and takes the ticket and
replies; the stand-in records the reply as a WhatsApp message to the provider; the provider answers and the
answer appears on the open ticket page. Prints page weight and timings; writes screenshots of each screen at
1366x768 and at phone width to .build/screenshots/.

usage: Tests/Browser/console_test.py [LOKET_BINARY]   (default .build/debug/loket)
"""
import base64, hashlib, hmac, json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import ElementNotInteractableException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as expected
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/loket")
SECRET = "browser-test-secret"
PROVIDER = "6281234567890"
SHOTS = os.path.join(ROOT, ".build/screenshots")
PHONE = (390, 844)
LAPTOP = (1366, 768)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Loket:
    def __init__(self, demo=False):
        self.dir = tempfile.mkdtemp(prefix="loket-browser-")
        self.port, self.graph = free_port(), free_port()
        self.env = dict(os.environ, LOKET_ADDR=f"127.0.0.1:{self.port}", LOKET_DATA_DIR=self.dir,
                        LOKET_DIALOGS=os.path.join(ROOT, "Dialogs"), LOKET_CONSOLE=os.path.join(ROOT, "Console"),
                        WHATSAPP_APP_SECRET=SECRET, LOKET_SANDBOX_GRAPH_ADDR=f"127.0.0.1:{self.graph}")
        for member, name, role in [("sari", "Sari Helpdesk", "l1"), ("rina", "Rina Koordinator", "admin")]:
            subprocess.run([BINARY, "staff", "add", member, "--name", name, "--role", role, "--password-stdin"],
                           env=self.env, input=f"{member}-password-1".encode(), check=True, stdout=subprocess.DEVNULL)
        self.log = open(os.path.join(self.dir, "loket.log"), "w")
        self.process = subprocess.Popen([BINARY, "serve"] + (["--demo"] if demo else []), env=self.env, stderr=self.log,
                                        stdout=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}"
        for _ in range(300):
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        self.seen = 0
        self.sequence = 0

    def stop(self, failed=False):
        """Stops Loket; its data directory is kept for reading only when the test failed."""
        self.process.terminate()
        self.process.wait(10)
        self.log.close()
        if failed or sys.exc_info()[0] is not None:
            print(f"Loket's data and log kept in {self.dir}")
        else:
            shutil.rmtree(self.dir, ignore_errors=True)

    def sandbox(self, method, path, data=None, content_type=None):
        request = urllib.request.Request(f"http://127.0.0.1:{self.graph}{path}", method=method, data=data,
                                         headers={"Content-Type": content_type} if content_type else {})
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read())

    def webhook(self, message):
        """Posts `message` (a Meta message object without id and timestamp) as Meta would, signed."""
        self.sequence += 1
        message = dict(message, id=f"wamid.browser.{self.sequence}", timestamp=str(int(time.time())), **{"from": PROVIDER})
        envelope = {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp", "metadata": {"display_phone_number": "15550000000", "phone_number_id": "1"},
            "contacts": [{"profile": {"name": "Budi Santoso"}, "wa_id": PROVIDER}], "messages": [message]}}]}]}
        body = json.dumps(envelope).encode()
        signature = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        request = urllib.request.Request(self.url + "/webhook", method="POST", data=body,
                                         headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature})
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.status == 200, response.status
        return time.monotonic()

    def replies(self, wait_for=None, timeout=20):
        """Messages Loket sent since the last call (bodies), waiting until one contains `wait_for`."""
        deadline = time.monotonic() + timeout
        collected = []
        while True:
            answer = self.sandbox("GET", f"/sandbox/messages?after={self.seen}")
            self.seen = answer["next"]
            collected += [m["body"] for m in answer["messages"] if m["body"].get("type") != None or "status" not in m["body"]]
            text = json.dumps(collected, ensure_ascii=False)
            if wait_for is None or wait_for in text:
                return collected
            if time.monotonic() > deadline:
                raise AssertionError(f"no reply containing {wait_for!r}: {text[-600:]}")
            time.sleep(0.1)


def pdf(title):
    return f"%PDF-1.4\n1 0 obj << /Title ({title}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".encode()


def open_ticket(loket):
    """The provider's registration with two PDFs, in the chat, as in the end-to-end test."""
    loket.webhook({"type": "text", "text": {"body": "halo"}})
    loket.replies("Registrasi")
    loket.webhook({"type": "interactive", "interactive": {"type": "list_reply", "list_reply": {"id": "menu.registrasi", "title": "Registrasi"}}})
    loket.replies("nama badan usaha")
    loket.webhook({"type": "text", "text": {"body": "PT Maju Jaya"}})
    loket.replies("phone.self")
    loket.webhook({"type": "interactive", "interactive": {"type": "button_reply", "button_reply": {"id": "phone.self", "title": "Pakai nomor ini"}}})
    loket.replies("consent.yes")
    loket.webhook({"type": "interactive", "interactive": {"type": "button_reply", "button_reply": {"id": "consent.yes", "title": "Setuju"}}})
    loket.replies("KTP")
    for name, then in [("ktp-direktur.pdf", "ktp-direktur.pdf"), ("npwp-perusahaan.pdf", "summary.confirm")]:
        media = loket.sandbox("POST", "/sandbox/media", pdf(name), "application/pdf")
        loket.webhook({"type": "document", "document": {"id": media["id"], "filename": name, "mime_type": "application/pdf", "sha256": media["sha256"]}})
        loket.replies(then)
    loket.webhook({"type": "interactive", "interactive": {"type": "button_reply", "button_reply": {"id": "summary.confirm", "title": "Kirim"}}})
    opened = json.dumps(loket.replies("berhasil dibuat"), ensure_ascii=False)
    return int(opened.split("Tiket #")[1].split(" ")[0].strip("*"))


def click_live(wait, target):
    """Clicks `target` (a locator, or a function of the driver that finds the element) on a page that updates
    itself, finding it again when an update replaced it between the look-up and the click, as a person would
    click what is on screen now."""
    find = target if callable(target) else (lambda driver: driver.find_element(*target))

    def attempt(driver):
        try:
            find(driver).click()
            return True
        except StaleElementReferenceException:
            return False
    wait.until(attempt)


def type_live(wait, target, text):
    """Types `text` into `target` (a locator) on a page that updates itself, as `click_live` clicks: a field
    replaced, or not yet ready while the page redraws, is found again."""
    def attempt(driver):
        try:
            driver.find_element(*target).send_keys(text)
            return True
        except (StaleElementReferenceException, ElementNotInteractableException):
            return False
    wait.until(attempt)


def shot(driver, name):
    os.makedirs(SHOTS, exist_ok=True)
    for label, (width, height) in [("laptop", LAPTOP), ("phone", PHONE)]:
        driver.set_window_size(width, height)
        time.sleep(0.3)
        driver.save_screenshot(os.path.join(SHOTS, f"console-{name}-{label}.png"))
    driver.set_window_size(*LAPTOP)


def page_figures(driver, name):
    """Bytes transferred and first render of the current page, as the browser measured them.

    The browser records the first paint a moment after the page shows it: it is waited for, up to 3 s."""
    for _ in range(30):
        if driver.execute_script("return performance.getEntriesByName('first-contentful-paint').length > 0"):
            break
        time.sleep(0.1)
    figures = driver.execute_script("""
        const navigation = performance.getEntriesByType('navigation')[0];
        const resources = performance.getEntriesByType('resource');
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return {bytes: (navigation ? navigation.transferSize : 0) + resources.reduce((sum, r) => sum + r.transferSize, 0),
                decoded: (navigation ? navigation.decodedBodySize : 0) + resources.reduce((sum, r) => sum + r.decodedBodySize, 0),
                paint: paint ? paint.startTime : null};""")
    print(f"page {name:<10} transferred {figures['bytes'] / 1024:6.1f} KB (target <= 150)   "
          + (f"first render {figures['paint']:6.0f} ms (target <= 300)" if figures["paint"] is not None
             else "first render not reported by the browser"))
    assert figures["decoded"] <= 150 * 1024, figures
    return figures


def main():
    loket = Loket()
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={LAPTOP[0]},{LAPTOP[1]}"]:
        options.add_argument(argument)
    # The browser is where the staff are: in Jakarta, so a time the API gives without its offset would be
    # read as Jakarta's and shown seven hours early.
    driver = webdriver.Chrome(
        service=Service("/usr/bin/chromedriver", env={**os.environ, "TZ": "Asia/Jakarta"}), options=options)
    wait = WebDriverWait(driver, 15)
    failures = 0
    try:
        # Without a session, /console leads to the login page.
        driver.get(loket.url + "/console")
        wait.until(expected.presence_of_element_located((By.ID, "login")))
        assert driver.current_url.endswith("/console/login"), driver.current_url
        page_figures(driver, "login")
        shot(driver, "login")
        driver.find_element(By.ID, "id").send_keys("sari")
        driver.find_element(By.ID, "password").send_keys("salah")
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(expected.visibility_of_element_located((By.ID, "error-summary")))
        shot(driver, "login-error")
        driver.find_element(By.ID, "password").clear()
        driver.find_element(By.ID, "password").send_keys("sari-password-1")
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(expected.text_to_be_present_in_element((By.ID, "who"), "Sari Helpdesk (Level 1)"))
        page_figures(driver, "console")
        shot(driver, "tiket-baru-empty")

        # The provider opens a ticket in WhatsApp; it appears in Tiket Baru without a reload.
        number = open_ticket(loket)
        started = time.monotonic()
        wait.until(expected.presence_of_element_located((By.LINK_TEXT, f"#{number}")))
        print(f"new ticket #{number} visible in Tiket Baru {1000 * (time.monotonic() - started):.0f} ms after it opened")
        shot(driver, "tiket-baru")
        click_live(wait, (By.LINK_TEXT, f"#{number}"))
        wait.until(expected.presence_of_element_located((By.ID, "take-form")))
        driver.refresh()
        wait.until(expected.presence_of_element_located((By.ID, "take-form")))
        page_figures(driver, "ticket")
        shot(driver, "ticket-new")

        # The PDF opens inline, served only to the session.
        document = driver.find_element(By.CSS_SELECTOR, "a.document-link")
        href = document.get_attribute("href")
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookies})) as response:
            assert response.headers["Content-Type"] == "application/pdf" and response.read().startswith(b"%PDF")
        try:
            urllib.request.urlopen(href)
            raise AssertionError("a document is served without a session")
        except urllib.error.HTTPError as error:
            assert error.code == 401, error.code
        document.click()
        driver.switch_to.window(driver.window_handles[-1])
        time.sleep(1)
        driver.save_screenshot(os.path.join(SHOTS, "console-pdf-laptop.png"))
        driver.close()
        driver.switch_to.window(driver.window_handles[0])

        # Classify and take; a Level 1 member sees no Level 2 action.
        Select(driver.find_element(By.ID, "type")).select_by_value("permintaan_layanan")
        Select(driver.find_element(By.ID, "priority")).select_by_value("high")
        driver.find_element(By.ID, "category").clear()
        driver.find_element(By.ID, "category").send_keys("Registrasi")
        click_live(wait, (By.ID, "take"))
        wait.until(expected.visibility_of_element_located((By.ID, "take-confirm")))
        # The provider writes meanwhile: the page shows it without losing the choices or the open confirmation.
        question = "Maaf kak, apakah akta perubahan juga perlu dikirim?"
        loket.webhook({"type": "text", "text": {"body": question}})
        wait.until(expected.text_to_be_present_in_element((By.CSS_SELECTOR, "ol.timeline"), question))
        assert driver.find_element(By.ID, "take-confirm").is_displayed(), "the confirmation stays open"
        assert Select(driver.find_element(By.ID, "priority")).first_selected_option.get_attribute("value") == "high"
        assert driver.find_element(By.ID, "category").get_attribute("value") == "Registrasi"
        shot(driver, "take-confirm")
        click_live(wait, (By.ID, "take-confirm"))
        wait.until(expected.presence_of_element_located((By.ID, "reply-text")))
        assert not driver.find_elements(By.ID, "ask-level1"), "a Level 1 member sees a Level 2 action"

        # Reply: the stand-in records it as a WhatsApp message to the provider.
        reply = "Berkas Anda sedang kami periksa, mohon ditunggu."
        driver.find_element(By.ID, "reply-text").send_keys(reply)
        click_live(wait, (By.ID, "send-reply"))
        sent = loket.replies(reply)
        assert any(m.get("to") == PROVIDER and reply in json.dumps(m, ensure_ascii=False) for m in sent), sent
        wait.until(expected.text_to_be_present_in_element((By.CSS_SELECTOR, ".entry.outbound .delivery"), "terkirim"))
        # A canned answer fills the reply box.
        Select(driver.find_element(By.ID, "canned")).select_by_index(1)
        assert driver.find_element(By.ID, "reply-text").get_attribute("value").strip(), "the canned answer is in the box"
        driver.find_element(By.ID, "reply-text").clear()
        shot(driver, "ticket-replied")

        # A file for the provider goes with the reply's text: uploaded to the Graph API, then sent as a document,
        # and listed with the ticket's documents as sent by the member.
        form = os.path.join(loket.dir, "formulir-pernyataan.pdf")
        with open(form, "wb") as handle:
            handle.write(pdf("Formulir pernyataan"))
        type_live(wait, (By.ID, "reply-text"), "Mohon isi formulir ini dan kirim kembali.")
        type_live(wait, (By.ID, "reply-file"), form)
        # The provider writes meanwhile: the page updates, and keeps the file chosen and the text typed.
        loket.webhook({"type": "text", "text": {"body": "Siap, ditunggu formulirnya."}})
        wait.until(expected.text_to_be_present_in_element((By.CSS_SELECTOR, "ol.timeline"), "ditunggu formulirnya"))
        assert driver.execute_script("return document.getElementById('reply-file').files.length") == 1, "the file chosen was lost"
        assert "Mohon isi formulir" in driver.find_element(By.ID, "reply-text").get_attribute("value")
        click_live(wait, (By.ID, "send-reply"))
        sent = loket.replies("Berkas dari petugas")
        document = next(m for m in sent if m.get("type") == "document")
        assert document["to"] == PROVIDER and document["document"]["filename"] == "formulir-pernyataan.pdf", document
        assert "Mohon isi formulir ini" in document["document"]["caption"], document
        wait.until(expected.text_to_be_present_in_element((By.CSS_SELECTOR, "ul.documents"), "dikirim oleh"))
        # The file's reply shows its delivery, as a text reply does.
        def file_reply_state(driver):
            # Read afresh each time: a live update redraws the timeline.
            entries = driver.execute_script(
                "return [...document.querySelectorAll('.entry.outbound')].map((entry) => entry.textContent)")
            return next((entry for entry in entries if "📎 formulir-pernyataan.pdf" in entry and "✓" in entry), None)
        assert WebDriverWait(driver, 10).until(file_reply_state)
        assert driver.find_element(By.ID, "reply-file").get_attribute("value") == "", "the file is cleared once sent"
        # A file of a type that is not sent from here is stopped in the page, with why, and nothing is sent.
        program = os.path.join(loket.dir, "setup.exe")
        with open(program, "wb") as handle:
            handle.write(b"MZ" + bytes(64))
        type_live(wait, (By.ID, "reply-file"), program)
        click_live(wait, (By.ID, "send-reply"))
        wait.until(expected.text_to_be_present_in_element((By.CSS_SELECTOR, "#reply-heading ~ .notice"), "tidak dapat dikirim"))
        shot(driver, "ticket-file-refused")
        driver.execute_script("arguments[0].value = ''", driver.find_element(By.ID, "reply-file"))
        assert not [m for m in loket.replies() if m.get("type") == "document"], "a refused file was sent"

        # The provider answers: it appears on the open ticket page without a reload.
        answer = "Baik, terima kasih. Akta pendirian menyusul besok."
        driver.find_element(By.TAG_NAME, "h1").click()
        acknowledged = loket.webhook({"type": "text", "text": {"body": answer}})
        WebDriverWait(driver, 10, poll_frequency=0.05).until(
            expected.text_to_be_present_in_element((By.CSS_SELECTOR, "ol.timeline"), answer))
        latency = 1000 * (time.monotonic() - acknowledged)
        print(f"provider message visible on the open ticket page {latency:.0f} ms after its webhook was acknowledged (target <= 1000)")
        if latency > 1000:
            failures += 1
        shot(driver, "ticket-answered")

        # A voice note about the ticket is kept for staff, who play it on the page.
        voice = b"OggS\x00\x02" + bytes(200)
        media = loket.sandbox("POST", "/sandbox/media", voice, "audio/ogg")
        loket.webhook({"type": "audio", "audio": {"id": media["id"], "mime_type": "audio/ogg; codecs=opus", "voice": True}})
        loket.replies("Pesan suara Anda sudah kami simpan")
        driver.refresh()
        player = wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, "ul.documents audio")))
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        with urllib.request.urlopen(urllib.request.Request(player.get_attribute("src"), headers={"Cookie": cookies})) as response:
            assert response.headers["Content-Type"] == "audio/ogg" and response.read() == voice
        assert "pesan suara" in driver.find_element(By.CSS_SELECTOR, "ol.timeline").text

        # A screen recording with words under it: staff read the words and watch the video on the page.
        video = b"\x00\x00\x00\x18ftypmp42" + bytes(400)
        media = loket.sandbox("POST", "/sandbox/media", video, "video/mp4")
        caption = "Ini rekaman layarnya, error muncul setelah klik Kirim Penawaran"
        loket.webhook({"type": "video", "video": {"id": media["id"], "mime_type": "video/mp4", "caption": caption}})
        loket.replies("Video Anda dan pesannya sudah kami simpan")
        driver.refresh()
        screen = wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, "ul.documents video")))
        assert screen.get_attribute("controls") is not None, "the video has the browser's own controls"
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
        with urllib.request.urlopen(urllib.request.Request(screen.get_attribute("src"), headers={"Cookie": cookies})) as response:
            assert response.headers["Content-Type"] == "video/mp4" and response.read() == video
        timeline = driver.find_element(By.CSS_SELECTOR, "ol.timeline").text
        assert caption in timeline and "(video," in timeline, timeline
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", screen)
        shot(driver, "ticket-video")

        # A location the provider shares reaches the ticket with a map link staff open in a new tab.
        loket.webhook({"type": "location", "location": {"latitude": -6.2, "longitude": 106.816666, "name": "Kantor PT Maju Jaya", "address": "Jl. Sudirman 1, Jakarta"}})
        loket.replies("Pesan Anda sudah diteruskan ke tiket")
        link = wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, "ol.timeline .bubble a[href*='maps']")))
        assert link.get_attribute("href") == "https://maps.google.com/?q=-6.2,106.816666", link.get_attribute("href")
        assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")
        assert "Kantor PT Maju Jaya, Jl. Sudirman 1, Jakarta" in link.find_element(By.XPATH, "..").text
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        driver.save_screenshot(os.path.join(SHOTS, "console-ticket-location-laptop.png"))

        # The documents are complete: the provider gets the free times, and the page shows where the call stands.
        click_live(wait, (By.ID, "documents-complete"))
        wait.until(expected.text_to_be_present_in_element((By.ID, "call-state"), "Menunggu penyedia memilih"))
        loket.replies("Pilih waktu")
        assert not driver.find_elements(By.ID, "documents-complete"), "documents complete is offered once"
        # Staff book it for the provider, at the second free time; the provider is told, and a call that has not
        # begun offers no no-show.
        slot = Select(driver.find_element(By.ID, "call-slot"))
        slot.select_by_index(1)
        start = slot.first_selected_option.get_attribute("value")
        driver.find_element(By.ID, "call-reason").send_keys("Diminta penyedia melalui telepon.")
        click_live(wait, (By.ID, "call-book"))
        wait.until(expected.text_to_be_present_in_element((By.ID, "call-state"), "Terjadwal"))
        booked = json.dumps(loket.replies("menjadwalkan video call"), ensure_ascii=False)
        hour, minute = start[11:13], start[14:16]
        assert f"pukul {hour}.{minute} WIB" in booked, (start, booked)
        assert f"{hour}.{minute} WIB" in driver.find_element(By.ID, "call-state").text
        assert not driver.find_elements(By.ID, "call-no-show"), "a no-show offered before the call"
        assert driver.find_element(By.ID, "call-done").is_displayed()
        # The booking's reason was used: the field is empty again, even when the page's live update came after.
        assert driver.find_element(By.ID, "call-reason").get_attribute("value") == ""
        # Cancelling needs the reason the provider will read.
        click_live(wait, (By.ID, "call-cancel"))
        wait.until(expected.text_to_be_present_in_element((By.CSS_SELECTOR, "#verification .notice"), "alasan"))
        shot(driver, "ticket-call-booked")

        # The other screens.
        driver.get(loket.url + "/console#/proses")
        wait.until(expected.presence_of_element_located((By.LINK_TEXT, f"#{number}")))
        shot(driver, "tiket-proses")
        driver.get(loket.url + "/console#/daftar")
        wait.until(expected.presence_of_element_located((By.ID, "filter-status")))
        # Statuses read in words, in the list and in its filter, never as the API's keys.
        statuses = [option.text for option in Select(driver.find_element(By.ID, "filter-status")).options]
        assert "Menunggu tanggapan pelapor" in statuses and not any("_" in text or text == "new" for text in statuses), statuses
        listed = driver.find_element(By.CSS_SELECTOR, "table.tickets tbody").text
        assert "Diproses" in listed
        # The ticket came in minutes ago: its time reads in WIB, whatever the browser's zone.
        assert driver.execute_script("return Intl.DateTimeFormat().resolvedOptions().timeZone") == "Asia/Jakarta"
        jakarta = [time.gmtime(time.time() + 7 * 3600 - lag) for lag in (0, 300)]
        assert any(time.strftime("%H.", moment) in listed for moment in jakarta), listed
        shot(driver, "daftar-tiket")
        # The agenda of the call's day lists it, with no no-show before it begins.
        driver.execute_script("sessionStorage.setItem('loket.agenda.day', arguments[0])", start[:10])
        driver.get(loket.url + "/console#/agenda")
        wait.until(expected.presence_of_element_located((By.LINK_TEXT, f"#{number}")))
        agenda = driver.find_element(By.ID, "main").text
        assert f"{hour}.{minute}" in agenda and "Terjadwal" in agenda and "Tidak hadir" not in agenda, agenda
        shot(driver, "agenda")
        # The dashboard shows the ticket; a Level 1 member has no staff or audit page.
        driver.get(loket.url + "/console#/dasbor")
        driver.refresh()  # a fresh load, so the figures are this page's own
        wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, "svg.chart")))
        assert "Registrasi dan Verifikasi Berkas" in driver.find_element(By.ID, "main").text
        page_figures(driver, "dashboard")
        shot(driver, "dashboard")
        assert not driver.find_element(By.CSS_SELECTOR, "a[data-view=staf]").is_displayed()

        # An admin manages staff and reads the audit log.
        driver.find_element(By.ID, "logout").click()
        wait.until(expected.presence_of_element_located((By.ID, "login")))
        driver.find_element(By.ID, "id").send_keys("rina")
        driver.find_element(By.ID, "password").send_keys("rina-password-1")
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(expected.text_to_be_present_in_element((By.ID, "who"), "Rina"))
        driver.find_element(By.CSS_SELECTOR, "a[data-view=staf]").click()
        wait.until(expected.presence_of_element_located((By.ID, "staff-form")))
        driver.find_element(By.ID, "staff-id").send_keys("andi")
        driver.find_element(By.ID, "staff-name").send_keys("Andi Verifikator")
        Select(driver.find_element(By.ID, "staff-role")).select_by_value("l2")
        driver.find_element(By.ID, "staff-password").send_keys("andi-password-1")
        driver.find_element(By.CSS_SELECTOR, "#staff-form button[type=submit]").click()
        wait.until(expected.text_to_be_present_in_element((By.ID, "main"), "Andi Verifikator"))
        andi = lambda: driver.find_element(By.XPATH, "//tr[td[1][text()='andi']]")
        status = lambda: andi().find_element(By.XPATH, "td[4]").text
        settled = WebDriverWait(driver, 10, ignored_exceptions=[StaleElementReferenceException])
        assert "Level 2 (koordinator)" in andi().text, andi().text
        # Disabling a member keeps their role: the list sends back the role it shows.
        andi().find_element(By.TAG_NAME, "button").click()
        settled.until(lambda _: status() == "nonaktif")
        assert "Level 2 (koordinator)" in andi().text, andi().text
        andi().find_element(By.TAG_NAME, "button").click()
        settled.until(lambda _: status() == "aktif")
        assert "Level 2 (koordinator)" in andi().text, andi().text
        shot(driver, "staff")
        # Views chosen in quick succession: the one chosen last is shown, whichever answered last (a slower
        # view's refresh drew over it, and the Audit link showed the staff page).
        for view in ["daftar", "dasbor", "staf", "agenda"]:
            driver.execute_script("window.location.hash = arguments[0]", f"#/{view}")
        driver.find_element(By.CSS_SELECTOR, "a[data-view=audit]").click()
        wait.until(expected.text_to_be_present_in_element((By.ID, "main"), "PUT /api/staff/andi"))
        time.sleep(0.5)
        assert "PUT /api/staff/andi" in driver.find_element(By.ID, "main").text, "another view drew over the audit"
        shot(driver, "audit")

        # The provider asks to erase their data (UU 27/2022); the admin approves the request.
        loket.replies()
        loket.webhook({"type": "text", "text": {"body": "tolong hapus data saya"}})
        loket.replies("Ya, hapus")
        loket.webhook({"type": "interactive", "interactive": {"type": "button_reply", "button_reply": {"id": "erasure.yes", "title": "Ya, hapus"}}})
        said = json.dumps(loket.replies("dicatat sebagai tiket #"), ensure_ascii=False)
        request = int(said.split("dicatat sebagai tiket #")[1].split(".")[0])
        driver.get(loket.url + f"/console#/tiket/{request}")
        driver.refresh()
        wait.until(expected.presence_of_element_located((By.ID, "erase-data")))
        shot(driver, "erasure-request")
        driver.find_element(By.ID, "erase-data").click()
        wait.until(expected.alert_is_present())
        driver.switch_to.alert.accept()
        wait.until(expected.text_to_be_present_in_element((By.CSS_SELECTOR, "ol.timeline"), "Data pribadi pelapor dihapus"))
        assert not driver.find_elements(By.ID, "erase-data"), "the erasure can be approved twice"
        assert PROVIDER[3:] not in driver.find_element(By.ID, "main").text, "the erased number is still shown"
        loket.replies("telah dihapus")
        shot(driver, "erasure-done")
    finally:
        driver.quit()
        loket.stop(failed=failures > 0)
    demo_dashboard()
    print(f"screenshots in {SHOTS}")
    sys.exit(1 if failures else 0)


def demo_dashboard():
    """`loket serve --demo`: the dashboard and the queues show a month of work."""
    loket = Loket(demo=True)
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={LAPTOP[0]},{LAPTOP[1]}"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wait = WebDriverWait(driver, 15)
    try:
        driver.get(loket.url + "/console/login")
        driver.find_element(By.ID, "id").send_keys("rina")
        driver.find_element(By.ID, "password").send_keys("rina-password-1")
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(expected.text_to_be_present_in_element((By.ID, "who"), "Rina"))
        driver.get(loket.url + "/console#/dasbor")
        wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, "svg.chart rect")))
        tiles = driver.find_element(By.CSS_SELECTOR, ".tiles").text
        assert "responden)" in tiles and "(0 responden)" not in tiles, tiles
        shot(driver, "dashboard-demo")
        print("demo: the dashboard shows the seeded month")
    finally:
        driver.quit()
        loket.stop()


if __name__ == "__main__":
    main()
