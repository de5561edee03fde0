//! The page in a real browser: where chromium is installed, reports are rendered headless to
//! PNG images, which must not be blank and must show the charts' colours. Without chromium the
//! test says it was skipped. With `MAILAUDIT_SCREENSHOT_DIR=docs` the images are kept there:
//! the README's screenshots are made so.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::*;

/// The light palette's colours of the charts (src/render/html/assets/report.css).
const OK: [u8; 3] = [0x2e, 0x7d, 0x32];
const ERRORS: [u8; 3] = [0xc6, 0x28, 0x28];
const NEUTRAL: [u8; 3] = [0x15, 0x65, 0xc0];

fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MAILAUDIT_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// Runs chromium headless on `html` with `extra` arguments, within 90 s; its standard output.
fn chromium_on(browser: &Path, html: &Path, extra: &[String]) -> String {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--no-first-run",
            "--force-color-profile=srgb",
        ])
        .args(extra)
        .arg(format!("file://{}", html.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut text);
        text
    });
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

/// Renders `html` to a PNG `height` pixels high and returns its RGB pixels.
fn screenshot(browser: &Path, html: &Path, png: &Path, height: u32) -> (u32, u32, Vec<[u8; 3]>) {
    let extra = [
        format!("--window-size=1200,{height}"),
        format!("--screenshot={}", png.display()),
    ];
    chromium_on(browser, html, &extra);
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let step = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(step)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width, info.height, pixels)
}

fn near(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 3)
}

fn count(pixels: &[[u8; 3]], colour: [u8; 3]) -> usize {
    pixels.iter().filter(|p| near(**p, colour)).count()
}

fn keep(png: &Path, name: &str) {
    if let Some(dir) = std::env::var_os("MAILAUDIT_SCREENSHOT_DIR") {
        std::fs::copy(png, Path::new(&dir).join(name)).unwrap();
    }
}

/// The report of `results`, written to `html`.
fn write_page(results: &Path, html: &Path) -> PathBuf {
    let out = Mailaudit::new()
        .arg("report")
        .arg(results)
        .arg("--output")
        .arg(html)
        .args(["--now", "2026-12-06"])
        .run();
    assert_eq!(out.code, 0, "{out}");
    html.to_path_buf()
}

#[test]
fn the_page_renders_in_chromium_with_its_charts() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: chromium is not installed (Debian: apt-get install chromium)");
        return;
    };
    let dir = TempDir::new("report-browser");
    let html = write_page(&five(&dir), &dir.path().join("many.html"));
    let png = dir.path().join("many.png");
    let (width, height, pixels) = screenshot(&browser, &html, &png, 1500);
    assert_eq!((width, height), (1200, 1500));
    let background = pixels[0];
    let drawn = pixels.iter().filter(|p| !near(**p, background)).count();
    assert!(
        drawn > pixels.len() / 20,
        "the page is blank: {drawn} pixels drawn"
    );
    // The charts are drawn: reject bars in green, the lookup histogram in blue and red.
    for (name, colour) in [("ok", OK), ("errors", ERRORS), ("neutral", NEUTRAL)] {
        let n = count(&pixels, colour);
        assert!(n > 200, "{name} colour drawn on {n} pixels only");
    }
    keep(&png, "report-summary.png");

    // The inline script ran without an error: it made the headers sortable and counted the
    // rows the filters show.
    let dom = page(&chromium_on(&browser, &html, &["--dump-dom".to_string()]));
    assert_eq!(texts(&dom, "#shown-count"), ["5 of 5 domains"]);
    let headers = select(&dom, "table#domains th");
    assert!(
        headers
            .iter()
            .all(|th| th.value().attr("tabindex") == Some("0"))
    );

    // The example zone's page, as the README shows it.
    let results = example_results(&dir);
    let html = write_page(&results, &dir.path().join("example.html"));
    let png = dir.path().join("example.png");
    let (_, _, pixels) = screenshot(&browser, &html, &png, 1100);
    assert!(count(&pixels, ERRORS) > 50, "the error badges are drawn");
    keep(&png, "report-example.png");
}
