//! The review and diff pages of both examples (and a batch index) in a real
//! browser: headless Chromium (Debian's `chromium`, which `.ci/run`
//! installs), driven over the DevTools protocol by a small client on a
//! websocket (tungstenite). Each page must load with no console error, no
//! exception and no blocked load, hold its key elements, and is
//! screenshotted into target/screenshots/. Without Chromium the test fails
//! and says how to install it; it never skips.

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

use crate::util;

fn chromium() -> PathBuf {
    let candidates = [
        std::env::var_os("UN2AKN_CHROMIUM").map(PathBuf::from),
        Some(PathBuf::from("/usr/bin/chromium")),
        Some(PathBuf::from("/usr/bin/chromium-browser")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "headless Chromium is needed for the browser tests and was not found: \
                 install it with `apt-get install -y chromium` (Debian), or set UN2AKN_CHROMIUM \
                 to its path"
            )
        })
}

/// A headless Chromium with one page attached over the DevTools protocol.
struct Browser {
    child: Child,
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    session: String,
    next_id: u64,
    events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn launch() -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(chromium())
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--remote-debugging-port=0",
                "about:blank",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start chromium");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.strip_prefix("DevTools listening on ") {
                    let _ = tx.send(url.trim().to_string());
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("chromium did not open its DevTools port within 60 s");
        let (socket, _) = tungstenite::connect(url.as_str()).expect("cannot connect to DevTools");
        if let MaybeTlsStream::Plain(stream) = socket.get_ref() {
            stream
                .set_read_timeout(Some(Duration::from_secs(60)))
                .unwrap();
        }
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next_id: 0,
            events: Vec::new(),
            _profile: profile,
        };
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}));
        let target = target["targetId"].as_str().unwrap().to_string();
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": target, "flatten": true}),
        );
        browser.session = attached["sessionId"].as_str().unwrap().to_string();
        for method in ["Page.enable", "Runtime.enable", "Log.enable"] {
            browser.call(method, json!({}));
        }
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": false}),
        );
        browser
    }

    /// Sends a command (to the page once attached) and waits for its answer,
    /// keeping the events that arrive meanwhile.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .expect("cannot send to DevTools");
        loop {
            let answer = self.socket.read().expect("no answer from DevTools");
            let Message::Text(text) = answer else {
                continue;
            };
            let value: Value = serde_json::from_str(text.as_str()).unwrap();
            if value["id"] == json!(id) {
                assert!(value.get("error").is_none(), "{method}: {value}");
                return value["result"].clone();
            }
            self.events.push(value);
        }
    }

    /// Waits for an event named `method`.
    fn wait_for(&mut self, method: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while !self.events.iter().any(|e| e["method"] == method) {
            assert!(Instant::now() < deadline, "no {method} within 60 s");
            let Message::Text(text) = self.socket.read().expect("no event from DevTools") else {
                continue;
            };
            self.events
                .push(serde_json::from_str(text.as_str()).unwrap());
        }
    }

    /// Opens `page`, and gives the console errors, exceptions and error log
    /// entries it caused.
    fn open(&mut self, page: &Path) -> Vec<String> {
        self.events.clear();
        let url = format!("file://{}", page.canonicalize().unwrap().display());
        self.call("Page.navigate", json!({"url": url}));
        self.wait_for("Page.loadEventFired");
        // One round trip more, so that late console messages are in.
        self.eval("1");
        self.errors()
    }

    fn errors(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|e| match e["method"].as_str() {
                Some("Runtime.consoleAPICalled")
                    if ["error", "assert"]
                        .contains(&e["params"]["type"].as_str().unwrap_or("")) =>
                {
                    Some(format!("console: {}", e["params"]["args"]))
                }
                Some("Runtime.exceptionThrown") => {
                    Some(format!("exception: {}", e["params"]["exceptionDetails"]))
                }
                Some("Log.entryAdded") if e["params"]["entry"]["level"] == "error" => {
                    Some(format!("log: {}", e["params"]["entry"]["text"]))
                }
                _ => None,
            })
            .collect()
    }

    fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true}),
        );
        assert!(
            result.get("exceptionDetails").is_none(),
            "{expression}: {result}"
        );
        result["result"]["value"].clone()
    }

    fn count(&mut self, selector: &str) -> u64 {
        let expression = format!("document.querySelectorAll({}).length", json!(selector));
        self.eval(&expression).as_u64().unwrap()
    }

    fn screenshot(&mut self, name: &str) -> PathBuf {
        let shot = self.call("Page.captureScreenshot", json!({"format": "png"}));
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().unwrap())
            .unwrap();
        assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
        let dir = util::root().join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.socket.close(None);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn run(args: &[&str]) {
    let output = util::run_binary(None, args, None);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn review_and_diff_pages_in_headless_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let old = util::example("A_HRC_RES_49_34.md");
    let new = util::example("A_HRC_58_L_draft_Mali.md");
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let page = |name: &str| dir.path().join(name);
    let p = |name: &str| page(name).to_str().unwrap().to_string();
    run(&["render", old, "-o", &p("49-34.html")]);
    let draft = ["--new-symbol", "A/HRC/58/L.12"];
    // A --date that differs from the printed one: a warning at the title,
    // which the page must place there.
    run(&[
        "render",
        new,
        "--symbol",
        draft[1],
        "--date",
        "2025-01-01",
        "-o",
        &p("mali.html"),
    ]);
    run(&[
        &["diff", old, new, "--format", "html", "-o", &p("diff.html")][..],
        &draft,
    ]
    .concat());
    run(&[
        "diff",
        draft[0],
        draft[1],
        old,
        new,
        "--format",
        "html",
        "--layout",
        "inline",
        "-o",
        &p("diff-inline.html"),
    ]);
    let examples = util::root().join("examples");
    // The draft does not print its symbol: a catalogue gives it.
    std::fs::write(
        page("catalogue.csv"),
        "File name,Symbol,Date\nA_HRC_58_L_draft_Mali.md,A/HRC/58/L.12,\n",
    )
    .unwrap();
    run(&[
        "convert",
        examples.to_str().unwrap(),
        "-o",
        &p("batch"),
        "--html",
        "--metadata",
        &p("catalogue.csv"),
        "-q",
    ]);

    let mut browser = Browser::launch();
    // The error detector itself: a console error, an exception, and a load
    // that the pages' Content-Security-Policy blocks are all caught.
    std::fs::write(
        page("bad.html"),
        "<!DOCTYPE html><script>console.error('boom')</script>",
    )
    .unwrap();
    assert_eq!(browser.open(&page("bad.html")).len(), 1);
    std::fs::write(
        page("throws.html"),
        "<!DOCTYPE html><script>null.x</script>",
    )
    .unwrap();
    assert_eq!(browser.open(&page("throws.html")).len(), 1);
    let csp = un2akn::render::page(
        &un2akn::view::Document::default(),
        &un2akn::render::Source {
            name: "x",
            input: None,
            warnings: &[],
        },
    )
    .replace(
        "</body>",
        "<img src=\"http://127.0.0.1:9/x.png\" alt=\"\"></body>",
    );
    std::fs::write(page("blocked.html"), csp).unwrap();
    assert!(
        !browser.open(&page("blocked.html")).is_empty(),
        "a blocked load is an error"
    );
    for (name, file, checks) in [
        (
            "review-49-34",
            "49-34.html",
            vec![
                ("main.doc h1.title", 1),
                ("header.masthead p", 12),
                (".formula", 1),
                (".pp", 24),
                (".op", 36),
                (".pp i", 24),
                (".footnotes li", 4),
                (".footnotes a.back", 4),
                ("sup.fnref a[href^='#fn-']", 4),
                ("a.ref[href^='https://undocs.org/']", 4),
                ("a.ref.akn", 14),
                ("footer.adoption p", 2),
                ("#vote", 1),
                ("aside.summary dl", 2),
                (".warning", 0),
            ],
        ),
        (
            "review-mali",
            "mali.html",
            vec![
                ("main.doc h1.title", 1),
                (".pp", 23),
                (".op", 31),
                (".footnotes li", 3),
                ("main.doc .state", 1),
                ("main.doc .warning", 1),
                ("main.doc h1.title.warned .warning#w-1", 1),
                ("aside.summary a[href='#w-1']", 1),
            ],
        ),
        (
            "diff-49-34-mali",
            "diff.html",
            vec![
                ("table.diff", 3),
                ("tr.r-unchanged", 12),
                ("tr.r-changed", 36),
                ("tr.r-moved", 1),
                ("tr.r-added", 9),
                ("tr.r-removed", 16),
                ("ins", 150),
                ("aside.summary", 1),
            ],
        ),
        (
            "diff-inline",
            "diff-inline.html",
            vec![("table.diff.inline", 3), ("tr.r-moved", 1)],
        ),
        (
            "batch-index",
            "batch/index.html",
            vec![
                ("table.index tbody tr", 2),
                ("table.index a[href$='.akn.html']", 2),
            ],
        ),
    ] {
        let errors = browser.open(&page(file));
        assert!(errors.is_empty(), "{file}: {errors:#?}");
        for (selector, expected) in checks {
            let found = browser.count(selector);
            if selector == "ins" {
                assert!(found >= 20, "{file}: {selector}: {found}");
            } else {
                assert_eq!(found, expected, "{file}: {selector}");
            }
        }
        let shot = browser.screenshot(name);
        assert!(
            std::fs::metadata(&shot).unwrap().len() > 10_000,
            "{}",
            shot.display()
        );
    }
    // The index sorts in the browser without an error, and the doubtful
    // (warned) input comes first before any sorting.
    browser.open(&page("batch/index.html"));
    let first =
        browser.eval("document.querySelector('table.index tbody tr td:nth-child(2)').textContent");
    assert!(first.as_str().unwrap().contains("Mali"), "{first}");
    // By input name: ascending (58 before RES), then descending.
    browser.eval("document.querySelectorAll('table.index th button')[1].click(); 1");
    let first =
        browser.eval("document.querySelector('table.index tbody tr td:nth-child(2)').textContent");
    assert!(first.as_str().unwrap().contains("Mali"), "{first}");
    browser.eval("document.querySelectorAll('table.index th button')[1].click(); 1");
    let first =
        browser.eval("document.querySelector('table.index tbody tr td:nth-child(2)').textContent");
    assert!(first.as_str().unwrap().contains("49_34"), "{first}");
    assert!(browser.errors().is_empty(), "{:#?}", browser.errors());
    // The footnote links go both ways.
    browser.open(&page("49-34.html"));
    let back = browser.eval("document.querySelector(document.querySelector('.footnotes a.back').getAttribute('href')) !== null");
    assert_eq!(back, json!(true));
}
