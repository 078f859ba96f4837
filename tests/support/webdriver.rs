//! A small WebDriver client: headless Chromium driven through
//! chromedriver's W3C WebDriver protocol, JSON over HTTP on loopback, with
//! the `reqwest` and `serde_json` the tests already build, so that a
//! browser test adds no crate to the build.

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

/// Where Debian's packages `chromium` and `chromium-driver` put them.
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The key of an element reference in WebDriver's JSON.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Why the browser cannot run here, if it cannot: `None` when both
/// programs are installed.
pub fn missing() -> Option<String> {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|program| !Path::new(program).exists())
        .collect();
    (!missing.is_empty()).then(|| format!("{} not installed", missing.join(" and ")))
}

/// A browser session; chromedriver, and the browser with it, stop when it
/// is dropped, whether the test passed or not.
pub struct Browser {
    driver: Child,
    http: reqwest::Client,
    session: String,
    _profile: TempDir,
}

/// An element of the page.
#[derive(Clone)]
pub struct Element(String);

impl Browser {
    /// Starts chromedriver on a free loopback port and a headless Chromium
    /// session in a fresh profile, logging the page's console.
    pub async fn start() -> Browser {
        let port = {
            let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
            listener.local_addr().expect("an address").port()
        };
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = TempDir::new();
        let mut browser = Browser {
            driver,
            http: reqwest::Client::new(),
            session: String::new(),
            _profile: profile,
        };
        let base = format!("http://127.0.0.1:{port}");
        for _ in 0..100 {
            let ready = browser.http.get(format!("{base}/status")).send().await;
            if ready.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // As root, Chromium needs --no-sandbox; the rest keep it from
        // reaching for the network, which is closed here.
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1100,1400",
            &format!("--user-data-dir={}", browser._profile.0.display()),
        ];
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args},
            "goog:loggingPrefs": {"browser": "ALL"},
        }}});
        let created = browser
            .http
            .post(format!("{base}/session"))
            .json(&capabilities)
            .send()
            .await
            .expect("chromedriver answers")
            .json::<Value>()
            .await
            .expect("JSON");
        let session = created["value"]["sessionId"].as_str();
        browser.session = format!(
            "{base}/session/{}",
            session.unwrap_or_else(|| panic!("no session: {created}"))
        );
        browser
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.session);
        let mut request = self.http.request(method, &url);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let answer: Value = request
            .send()
            .await
            .expect("chromedriver answers")
            .json()
            .await
            .expect("JSON");
        if answer["value"].get("error").is_some() {
            panic!("{url}: {answer}");
        }
        answer["value"].clone()
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        self.call(reqwest::Method::POST, path, Some(body)).await
    }

    async fn get(&self, path: &str) -> Value {
        self.call(reqwest::Method::GET, path, None).await
    }

    /// Opens `url`.
    pub async fn open(&self, url: &str) {
        self.post("/url", json!({"url": url})).await;
    }

    /// The elements `css` selects.
    pub async fn all(&self, css: &str) -> Vec<Element> {
        let found = self
            .post("/elements", json!({"using": "css selector", "value": css}))
            .await;
        let found = found.as_array().cloned().unwrap_or_default();
        found
            .iter()
            .filter_map(|element| element[ELEMENT].as_str())
            .map(|id| Element(id.to_owned()))
            .collect()
    }

    /// The one element `css` selects.
    pub async fn one(&self, css: &str) -> Element {
        let mut found = self.all(css).await;
        assert_eq!(found.len(), 1, "{css}");
        found.remove(0)
    }

    /// Types `text` into `element`, key by key, as a person would.
    pub async fn type_into(&self, element: &Element, text: &str) {
        let path = format!("/element/{}/value", element.0);
        self.post(&path, json!({"text": text})).await;
    }

    /// Empties a text field.
    pub async fn clear(&self, element: &Element) {
        let path = format!("/element/{}/clear", element.0);
        self.post(&path, json!({})).await;
    }

    /// Whether `element` is shown.
    pub async fn displayed(&self, element: &Element) -> bool {
        let path = format!("/element/{}/displayed", element.0);
        self.get(&path).await.as_bool().unwrap_or(false)
    }

    /// `element`'s attribute `name`.
    pub async fn attribute(&self, element: &Element, name: &str) -> Option<String> {
        let path = format!("/element/{}/attribute/{name}", element.0);
        self.get(&path).await.as_str().map(str::to_owned)
    }

    /// `element`'s text as shown.
    pub async fn text(&self, element: &Element) -> String {
        let path = format!("/element/{}/text", element.0);
        self.get(&path)
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Presses the Tab key.
    pub async fn press_tab(&self) {
        let tab = "\u{E004}";
        let actions = json!({"actions": [{"type": "key", "id": "keyboard", "actions": [
            {"type": "keyDown", "value": tab}, {"type": "keyUp", "value": tab}
        ]}]});
        self.post("/actions", actions).await;
    }

    /// The `id` of the element that has the focus.
    pub async fn focused_id(&self) -> Option<String> {
        let active = self.get("/element/active").await;
        let element = Element(active[ELEMENT].as_str()?.to_owned());
        self.attribute(&element, "id").await
    }

    /// Runs `script` in the page and gives its result.
    pub async fn run(&self, script: &str) -> Value {
        self.post("/execute/sync", json!({"script": script, "args": []}))
            .await
    }

    /// The page's console messages since the last call, as
    /// `(level, message)`.
    pub async fn console(&self) -> Vec<(String, String)> {
        let entries = self.post("/se/log", json!({"type": "browser"})).await;
        let entries = entries.as_array().cloned().unwrap_or_default();
        entries
            .iter()
            .map(|entry| {
                let text = |key: &str| entry[key].as_str().unwrap_or_default().to_owned();
                (text("level"), text("message"))
            })
            .collect()
    }

    /// A PNG of the window.
    pub async fn screenshot(&self) -> Vec<u8> {
        let png = self.get("/screenshot").await;
        base64(png.as_str().expect("a screenshot"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Killing chromedriver ends its browsers too; a session left open
        // would only live as long as it.
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A fresh directory, removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let unique = format!(
            "api-error-browser-{}-{:?}",
            std::process::id(),
            std::time::SystemTime::now()
        );
        let path = std::env::temp_dir().join(unique.replace([' ', ':', '{', '}', ','], "_"));
        std::fs::create_dir_all(&path).expect("a profile directory");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Standard base64, as WebDriver sends a screenshot.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let sextets: Vec<u8> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(sextets.len() * 3 / 4);
    for chunk in sextets.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &s)| n | (u32::from(s) << (18 - 6 * i)));
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}
