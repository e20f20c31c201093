#!/usr/bin/env python3
"""The phone simulator in a real browser against a sandbox `loket serve`: a provider opens a registration
ticket with a PDF by tapping and typing in the simulator (at most 9 messages), staff reply in the console and
the reply appears in the simulator, whose delivered/read acknowledgements reach the console's ticks.
Screenshots of the simulator at phone size go to .build/screenshots/.

usage: Tests/Browser/simulator_test.py [LOKET_BINARY]
"""
import os, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_test import Loket, SHOTS, click_live, pdf, type_live  # noqa: E402
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as expected
from selenium.webdriver.support.ui import WebDriverWait


def png_picture(width, height):
    """A PNG of `width` by `height`: a band of the helpdesk's green across a light grey."""
    import struct, zlib
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(
        b"\x00" + (bytes([7, 94, 84]) if height // 3 <= y < 2 * height // 3 else bytes([230, 230, 230])) * width
        for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def last_bubble_text(driver):
    bubbles = driver.find_elements(By.CSS_SELECTOR, ".bubble.in")
    return bubbles[-1].text if bubbles else ""


def main():
    loket = Loket()
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=420,900"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wait = WebDriverWait(driver, 20)
    sent = 0
    try:
        driver.get(loket.url + "/simulator")
        phone = wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, ".phone")))
        text = phone.find_element(By.CSS_SELECTOR, "input[name=text]")

        def type_message(message):
            nonlocal sent
            text.send_keys(message)
            phone.find_element(By.CSS_SELECTOR, ".compose button[type=submit]").click()
            sent += 1

        def wait_for(fragment):
            wait.until(lambda _: fragment in last_bubble_text(driver))

        def shot(name):
            # The page from its top, as a person sees it (a tap scrolls the page to the button tapped).
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(os.path.join(SHOTS, f"{name}.png"))

        def tap(css, label, sends=True):
            # The chat redraws itself as messages and ticks arrive: the last button with `label` on screen now.
            nonlocal sent

            def last_button(driver):
                buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, css) if label in b.text]
                assert buttons, f"no {css} with {label!r}"
                return buttons[-1]

            click_live(wait, last_button)
            if sends:
                sent += 1

        type_message("halo")
        wait.until(lambda _: driver.find_elements(By.CSS_SELECTOR, ".list-button"))
        tap(".list-button", "", sends=False)  # opening the list sends nothing
        tap(".row", "Registrasi")
        wait_for("badan usaha")
        type_message("PT Maju Jaya")
        wait.until(lambda _: any("Pakai nomor ini" in b.text for b in driver.find_elements(By.CSS_SELECTOR, ".reply-button")))
        # The director's number goes as a contact card, as a phone shares one.
        phone.find_element(By.CSS_SELECTOR, ".compose .contact").click()
        card = phone.find_element(By.CSS_SELECTOR, ".share-contact")
        card.find_element(By.NAME, "contact_name").send_keys("Pak Budi (Direktur)")
        card.find_element(By.NAME, "contact_phone").send_keys("0812-3456-7891")
        shot("simulator-contact-card-phone")
        card.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        sent += 1
        wait.until(lambda _: any("Nomor dari kartu kontak: +6281234567891" in b.text for b in driver.find_elements(By.CSS_SELECTOR, ".bubble.in")))
        assert not card.is_displayed(), "the card's form closes once shared"
        shot("simulator-contact-shared-phone")
        wait.until(lambda _: any("Setuju" in b.text for b in driver.find_elements(By.CSS_SELECTOR, ".reply-button")))
        tap(".reply-button", "Setuju")
        wait_for("KTP")
        for name in ["ktp-direktur.pdf", "npwp-perusahaan.pdf"]:
            path = os.path.join(tempfile.mkdtemp(), name)
            with open(path, "wb") as file:
                file.write(pdf(name))
            phone.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(path)
            sent += 1
            wait_for(name)
        wait.until(lambda _: any(b.text == "Kirim" for b in driver.find_elements(By.CSS_SELECTOR, ".reply-button")))
        assert "+6281234567891" in last_bubble_text(driver), "the summary names the card's number"
        shot("simulator-summary-phone")
        tap(".reply-button", "Kirim")
        wait_for("berhasil dibuat")
        ticket = int(last_bubble_text(driver).split("Tiket #")[1].split()[0].strip("*"))
        print(f"simulator: the provider sent {sent} messages to open ticket #{ticket} with two PDFs (target <= 9)")
        assert sent <= 9, sent
        shot("simulator-opened-phone")

        # 📍 shares a location (the form comes filled with a sample place); with the ticket open it reaches staff.
        phone.find_element(By.CSS_SELECTOR, ".compose .location").click()
        place = phone.find_element(By.CSS_SELECTOR, ".share-location")
        assert place.is_displayed() and not phone.find_element(By.CSS_SELECTOR, ".share-contact").is_displayed()
        shot("simulator-location-phone")
        place.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for(f"sudah diteruskan ke tiket #{ticket}")
        assert "📍 Kantor PT Maju Jaya" in driver.find_elements(By.CSS_SELECTOR, ".bubble.out")[-1].text

        # A scan of 4.5 MB (base64 makes its request larger than other requests may be) reaches Loket and is
        # attached to the ticket; one above the simulator's 20 MB is stopped in the page, and says why.
        folder = tempfile.mkdtemp()
        scan = os.path.join(folder, "akta-scan.pdf")
        with open(scan, "wb") as file:
            file.write(pdf("akta") + b"%" + b"0" * (4608 * 1024))
        phone.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(scan)
        wait_for("akta-scan.pdf sudah dilampirkan")
        # A screen recording with words typed before it is picked: the words go as its caption.
        recording = os.path.join(folder, "rekaman-layar.mp4")
        with open(recording, "wb") as file:
            file.write(b"\x00\x00\x00\x18ftypmp42" + bytes(2048))
        phone.find_element(By.CSS_SELECTOR, "input[name=text]").send_keys("error pas kirim penawaran min")
        phone.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(recording)
        wait_for(f"Video Anda dan pesannya sudah kami simpan di tiket #{ticket}")
        bubble = driver.find_elements(By.CSS_SELECTOR, ".bubble.out")[-1].text
        assert "🎬 rekaman-layar.mp4" in bubble and "error pas kirim penawaran min" in bubble, bubble
        assert phone.find_element(By.CSS_SELECTOR, "input[name=text]").get_attribute("value") == ""
        huge = os.path.join(folder, "video-besar.pdf")
        with open(huge, "wb") as file:
            file.truncate(21 * 1024 * 1024)
        phone.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(huge)
        wait.until(lambda _: "lebih dari 20 MB" in driver.find_elements(By.CSS_SELECTOR, ".bubble.out")[-1].text)
        driver.execute_script("document.querySelector('.messages').scrollTop = 1e9")
        driver.save_screenshot(os.path.join(SHOTS, "simulator-large-files-phone.png"))

        # Staff answer in the console, in a second window; the reply appears in the simulator.
        simulator_window = driver.current_window_handle
        driver.switch_to.new_window("window")
        driver.set_window_size(1366, 768)
        driver.get(loket.url + "/console/login")
        driver.find_element(By.ID, "id").send_keys("sari")
        driver.find_element(By.ID, "password").send_keys("sari-password-1")
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(expected.presence_of_element_located((By.LINK_TEXT, f"#{ticket}")))
        click_live(wait, (By.LINK_TEXT, f"#{ticket}"))
        wait.until(expected.presence_of_element_located((By.ID, "take")))
        click_live(wait, (By.ID, "take"))
        wait.until(expected.visibility_of_element_located((By.ID, "take-confirm")))
        click_live(wait, (By.ID, "take-confirm"))
        # The location shared is on the ticket, its map a link; the screen recording plays on the page.
        wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, "ol.timeline .bubble a[href*='maps.google.com']")))
        # (Read through waits: the page's live updates redraw it, and an element found before a redraw is gone.)
        wait.until(expected.presence_of_element_located((By.CSS_SELECTOR, "ul.documents video")))
        wait.until(expected.text_to_be_present_in_element((By.CSS_SELECTOR, "ol.timeline"), "error pas kirim penawaran min"))
        reply = "Berkas lengkap, kami jadwalkan verifikasi."
        wait.until(expected.presence_of_element_located((By.ID, "reply-text"))).send_keys(reply)
        click_live(wait, (By.ID, "send-reply"))
        console_window = driver.current_window_handle
        driver.switch_to.window(simulator_window)
        wait_for(reply)
        shot("simulator-reply-phone")
        # ↩ on staff's reply quotes it in the provider's answer, which reaches the ticket the reply names.
        incoming = [b for b in driver.find_elements(By.CSS_SELECTOR, ".bubble.in") if reply in b.text][-1]
        incoming.find_element(By.CSS_SELECTOR, "button.quote").click()
        bar = phone.find_element(By.CSS_SELECTOR, ".quote-bar")
        assert bar.is_displayed() and reply in bar.text, bar.text
        shot("simulator-quote-phone")
        phone.find_element(By.CSS_SELECTOR, "input[name=text]").send_keys("Baik, terima kasih infonya" + Keys.ENTER)
        wait_for(f"diteruskan ke tiket #{ticket}")
        answered = [b for b in driver.find_elements(By.CSS_SELECTOR, ".bubble.out") if "terima kasih infonya" in b.text][-1]
        assert answered.find_element(By.CSS_SELECTOR, ".quoted").text.startswith("💬 Petugas"), answered.text
        assert not bar.is_displayed(), "the quote goes with one message"
        import json, urllib.request
        request = urllib.request.Request(loket.url + "/api/session", method="POST", data=json.dumps({"id": "sari", "password": "sari-password-1"}).encode(), headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            cookie = response.headers["Set-Cookie"].split(";")[0]
        # The simulator acknowledged it: the console's ticket shows it read.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            request = urllib.request.Request(f"{loket.url}/api/tickets/{ticket}", headers={"Cookie": cookie})
            with urllib.request.urlopen(request) as response:
                detail = json.loads(response.read())
            states = [m["delivery"] for m in detail["whatsapp"]["messages"] if reply in (m["text"] or "")]
            if states and states[-1] == "read":
                break
            time.sleep(0.2)
        assert states and states[-1] == "read", states
        driver.switch_to.window(console_window)
        wait.until(expected.text_to_be_present_in_element((By.CSS_SELECTOR, ".entry.outbound .delivery"), "dibaca"))
        driver.save_screenshot(os.path.join(SHOTS, "console-read-receipt-laptop.png"))
        def send_from_console(name, content, text):
            """Staff attach the file `name` with `text` in the console; the phone shows it."""
            driver.switch_to.window(console_window)
            path = os.path.join(folder, name)
            with open(path, "wb") as file:
                file.write(content)
            type_live(wait, (By.ID, "reply-text"), text)
            type_live(wait, (By.ID, "reply-file"), path)
            click_live(wait, (By.ID, "send-reply"))
            driver.switch_to.window(simulator_window)
            wait_for(text)

        # A file staff attach in the console arrives in the phone as a document that opens.
        send_from_console("formulir-pernyataan.pdf", pdf("formulir"), "Mohon isi formulir ini.")
        assert "Berkas dari petugas" in last_bubble_text(driver)
        link = phone.find_elements(By.CSS_SELECTOR, ".bubble.in .file a")[-1]
        assert "formulir-pernyataan.pdf" in link.text
        with urllib.request.urlopen(link.get_attribute("href")) as response:
            assert response.headers["Content-Type"] == "application/pdf" and response.read() == pdf("formulir")
        # A screenshot staff attach arrives as a photo shown in the chat.
        send_from_console("langkah-login.png", png_picture(240, 120), "Langkah masuk ke SPSE.")
        photo = phone.find_elements(By.CSS_SELECTOR, ".bubble.in img.photo")[-1]
        wait.until(lambda _: driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", photo))
        shot("simulator-staff-file-phone")
        # A screen recording staff attach arrives as a video that plays in the chat.
        recording = b"\x00\x00\x00\x18ftypmp42" + bytes(1024)
        send_from_console("cara-upload.mp4", recording, "Cara upload dokumen penawaran.")
        clip = phone.find_elements(By.CSS_SELECTOR, ".bubble.in video.photo")[-1]
        with urllib.request.urlopen(loket.url + clip.get_attribute("src").split(loket.url)[-1]) as response:
            assert response.read() == recording
        driver.execute_script("document.querySelector('.messages').scrollTop = 1e9")
        driver.save_screenshot(os.path.join(SHOTS, "simulator-staff-video-phone.png"))
        print("simulator: the reply typed in the console reached the simulator, and its read receipt the console's tick")
    finally:
        driver.quit()
        loket.stop()


if __name__ == "__main__":
    main()
