//! Server errors that hold secrets in their own text and in each of five
//! levels of their source chain, wrapped every way the derive allows, and
//! the fragments that would give a secret away: what a client must never
//! see and the log must show.

// Each test file uses some of it.
#![allow(dead_code)]

use std::error::Error;
use std::fmt;

use api_error::ApiError;
use api_error::http::StatusCode;

/// The secret in the top error's own text (its fields, its `Display`).
pub const TOP_SECRET: &str = "postgres://admin:hunter2@10.0.0.7";

/// One secret per level of the source chain, level 1 first.
pub const LEVEL_SECRETS: [&str; 5] = [
    "AKIAIOSFODNN7EXAMPLE",
    "password=correct-horse-battery-staple",
    "/home/deploy/.ssh/id_ed25519",
    "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0",
    "redis://:s3cr3t-t0ken@10.0.0.9:6379",
];

/// Fragments that give a secret away, even cut or escaped.
pub const TELLTALES: &[&str] = &[
    "hunter2",
    "admin:",
    "10.0.0.",
    "AKIA",
    "correct-horse",
    "id_ed25519",
    ".ssh",
    "eyJhbGci",
    "s3cr3t",
    "level ",
    "postgres",
    "redis",
];

/// One level of a source chain, with a secret in its `Display`; its source
/// is the next level, down to level 5.
#[derive(Debug, Clone)]
pub struct Layer {
    level: usize,
    below: Option<Box<Layer>>,
}

impl Layer {
    /// Levels `level` to 5.
    pub fn chain(level: usize) -> Layer {
        Layer {
            level,
            below: (level < 5).then(|| Box::new(Layer::chain(level + 1))),
        }
    }

    /// Levels 1 to 5.
    pub fn full() -> Layer {
        Layer::chain(1)
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "level {} failed with {}",
            self.level,
            LEVEL_SECRETS[self.level - 1]
        )
    }
}

impl Error for Layer {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.below
            .as_deref()
            .map(|below| below as &(dyn Error + 'static))
    }
}

/// Without thiserror: the derive writes `Display` (the public message) and
/// `source`.
#[derive(Debug, ApiError)]
#[allow(dead_code)]
pub enum Plain {
    #[api(status = 500)]
    Database(#[source] Layer),
    #[api(status = 502)]
    Gateway {
        host: String,
        #[source]
        cause: Box<dyn Error + Send + Sync>,
    },
    #[api(status = 503)]
    Pool(#[from] Layer),
    /// A field named `source` is the source without an attribute.
    #[api(status = 500)]
    Named { dsn: String, source: Layer },
    #[api(status = 504)]
    Maybe(#[source] Option<Layer>),
    /// An explicit message shows only the fields it names.
    #[api(status = 501, message = "Attempt {attempt} failed; retry later.")]
    Explicit {
        attempt: u32,
        dsn: String,
        #[source]
        cause: Layer,
    },
}

/// With thiserror: its `Display` holds the secret.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum Loud {
    #[error("query on {0} failed")]
    #[api(status = 500)]
    Query(String, #[source] Layer),
    #[error("upstream {url} refused")]
    #[api(status = 502)]
    Upstream {
        url: String,
        #[source]
        source: Box<dyn Error + Send + Sync>,
    },
    #[error(transparent)]
    #[api(status = 503)]
    Opaque(Layer),
    #[error("pool exhausted")]
    #[api(status = StatusCode::GATEWAY_TIMEOUT)]
    Pool(#[from] Layer),
    /// The secret is in the `#[error]` template itself.
    #[error("connecting with postgres://admin:hunter2@10.0.0.7 failed")]
    #[api(status = 500)]
    Inline(#[source] Layer),
    #[error("optional {0}")]
    #[api(status = 507)]
    Optional(String, #[source] Option<Layer>),
}

/// Transparent variants over both, and over a boxed trait object.
#[derive(Debug, ApiError)]
pub enum Outer {
    #[api(transparent)]
    Loud(#[from] Loud),
    #[api(transparent)]
    Plain(#[from] Plain),
    #[api(transparent)]
    Boxed(Box<dyn ApiError + Send + Sync>),
}

/// A transparent struct over a boxed trait object.
#[derive(Debug, ApiError)]
#[api(transparent)]
pub struct Any(pub Box<dyn ApiError + Send + Sync>);

pub fn plains() -> Vec<Plain> {
    vec![
        Plain::Database(Layer::full()),
        Plain::Gateway {
            host: TOP_SECRET.to_owned(),
            cause: Box::new(Layer::full()),
        },
        Plain::from(Layer::full()),
        Plain::Named {
            dsn: TOP_SECRET.to_owned(),
            source: Layer::full(),
        },
        Plain::Maybe(Some(Layer::full())),
        Plain::Explicit {
            attempt: 3,
            dsn: TOP_SECRET.to_owned(),
            cause: Layer::full(),
        },
    ]
}

pub fn louds() -> Vec<Loud> {
    vec![
        Loud::Query(TOP_SECRET.to_owned(), Layer::full()),
        Loud::Upstream {
            url: TOP_SECRET.to_owned(),
            source: Box::new(Layer::full()),
        },
        Loud::Opaque(Layer::full()),
        Loud::from(Layer::full()),
        Loud::Inline(Layer::full()),
        Loud::Optional(TOP_SECRET.to_owned(), Some(Layer::full())),
    ]
}

/// Every secret-holding server error, wrapped every way.
pub fn outers() -> Vec<Outer> {
    let mut all: Vec<Outer> = Vec::new();
    all.extend(louds().into_iter().map(Outer::from));
    all.extend(plains().into_iter().map(Outer::from));
    for loud in louds() {
        all.push(Outer::Boxed(Box::new(loud)));
    }
    for plain in plains() {
        all.push(Outer::Boxed(Box::new(plain)));
    }
    // Two levels of transparency.
    for loud in louds() {
        all.push(Outer::Boxed(Box::new(Outer::Loud(loud))));
    }
    all
}

pub fn anys() -> Vec<Any> {
    let mut all: Vec<Any> = louds()
        .into_iter()
        .map(|loud| Any(Box::new(loud)))
        .collect();
    all.extend(plains().into_iter().map(|plain| Any(Box::new(plain))));
    all.extend(outers().into_iter().map(|outer| Any(Box::new(outer))));
    all
}

/// `err`'s `Display` and sources, as the log writes them.
pub fn chain_text(err: &dyn Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(error) = source {
        text.push_str(": ");
        text.push_str(&error.to_string());
        source = error.source();
    }
    text
}

/// Fails if `text`, seen as `what`, holds a fragment of a secret.
pub fn assert_no_telltale(what: &str, text: &str) {
    for telltale in TELLTALES {
        assert!(
            !text.contains(telltale),
            "{what} leaks {telltale:?}: {text}"
        );
    }
}
