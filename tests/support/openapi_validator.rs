//! Validates an OpenAPI document with `openapi-spec-validator`, the Python
//! package, which `.ci/run` installs in a virtual environment and names in
//! `OPENAPI_SPEC_VALIDATOR`:
//!
//! ```sh
//! python3 -m venv target/openapi-venv
//! target/openapi-venv/bin/pip install openapi-spec-validator
//! ```
//!
//! Without the variable, the validator of that virtual environment is used
//! if it is there. Without either, a test prints that it skips the
//! validation, except under CI (`CI` set), where a missing validator fails.

use std::path::PathBuf;
use std::process::Command;

/// The variable naming the `openapi-spec-validator` program.
pub const VALIDATOR_ENV: &str = "OPENAPI_SPEC_VALIDATOR";

/// The program: the variable's, else the workspace's virtual environment's.
fn validator() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(VALIDATOR_ENV) {
        return Some(PathBuf::from(path));
    }
    let venv = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../target/openapi-venv/bin/openapi-spec-validator");
    venv.exists().then_some(venv)
}

fn under_ci() -> bool {
    std::env::var_os("CI").is_some_and(|value| !value.is_empty() && value != "false")
}

/// Fails the test unless `document` is a valid OpenAPI document; `name`
/// names it in messages and in the file the validator reads.
pub fn assert_valid_openapi(name: &str, document: &str) {
    let Some(validator) = validator() else {
        assert!(
            !under_ci(),
            "{VALIDATOR_ENV} is not set: under CI the OpenAPI documents must be validated (.ci/run installs openapi-spec-validator)"
        );
        println!(
            "skipped: validating the {name} OpenAPI document needs openapi-spec-validator; set {VALIDATOR_ENV} (see tests/support/openapi_validator.rs)"
        );
        return;
    };
    let dir = std::env::temp_dir().join(format!("api-error-openapi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, document).expect("the document written");
    let output = Command::new(&validator)
        .arg(&path)
        .output()
        .unwrap_or_else(|error| panic!("{} does not run: {error}", validator.display()));
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "the {name} OpenAPI document is not valid:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
