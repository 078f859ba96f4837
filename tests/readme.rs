//! The README's format examples (each body it shows is what the format
//! writes for the README's enum) and its dependency lines (each one gets
//! this crate, with features it has).

use api_error::format::{
    Flat, Format, Google, JsonApi, Meta, Microsoft, Nested, Problem, Standard,
};
use api_error::{ApiError, FieldErrors};

/// The enum the README's "Formats" section renders.
#[derive(Debug, ApiError)]
enum SignupError {
    #[api(
        status = 409,
        code = "user_already_exists",
        message = "The user {0} already exists."
    )]
    Exists(String),
    #[api(status = 422, code = "invalid", message = "The signup is invalid.")]
    Invalid(
        #[from]
        #[api(errors)]
        FieldErrors,
    ),
}

/// The JSON lines of the first `json` block after `heading`.
fn shown_under(readme: &str, heading: &str) -> Vec<String> {
    let section = readme
        .split_once(heading)
        .expect("the heading is in the README")
        .1;
    let block = section.split_once("```json\n").expect("a json block").1;
    let block = block.split_once("```").expect("the block ends").0;
    block.lines().map(str::to_owned).collect()
}

#[test]
fn the_readme_shows_what_each_format_writes() {
    let readme = include_str!("../README.md");
    let exists = SignupError::Exists("ada".into());
    let mut errors = FieldErrors::new();
    errors.add("email", "invalid_email", "invalid email");
    let invalid = SignupError::Invalid(errors);
    let bodies = |render: fn(&SignupError) -> Vec<u8>| {
        [&exists, &invalid]
            .map(|err| String::from_utf8(render(err)).unwrap())
            .to_vec()
    };
    assert_eq!(
        shown_under(readme, "### `Flat`"),
        bodies(Flat::render::<SignupError>)
    );
    assert_eq!(
        shown_under(readme, "### `Meta`"),
        bodies(Meta::render::<SignupError>)
    );
    assert_eq!(
        shown_under(readme, "### `Standard`"),
        bodies(Standard::render::<SignupError>)
    );
    assert_eq!(
        shown_under(readme, "### `Nested`"),
        bodies(Nested::render::<SignupError>)
    );
    assert_eq!(
        shown_under(readme, "### `Problem`"),
        bodies(Problem::render::<SignupError>)
    );
    assert_eq!(
        shown_under(readme, "### `JsonApi`"),
        bodies(JsonApi::render::<SignupError>)
    );
    assert_eq!(
        shown_under(readme, "### `Google`"),
        bodies(Google::render::<SignupError>)
    );
    assert_eq!(
        shown_under(readme, "### `Microsoft`"),
        bodies(Microsoft::render::<SignupError>)
    );
}

#[test]
fn ci_runs_the_readme_set_up_commands_as_written() {
    let readme = include_str!("../README.md");
    let ci = include_str!("../.ci/run");
    let section = readme
        .split_once("## Try it")
        .expect("the README has its set-up commands")
        .1;
    let block = section.split_once("```sh\n").expect("a sh block").1;
    let block = block.split_once("```").expect("the block ends").0;
    let commands: Vec<&str> = block.lines().filter(|line| !line.is_empty()).collect();
    assert_eq!(commands.len(), 2, "{block}");
    for command in commands {
        assert!(
            ci.lines().any(|line| line == command),
            "not in .ci/run as written: {command}"
        );
    }
}

/// The `features` of the runtime crate's manifest.
fn runtime_features(manifest: &str) -> Vec<&str> {
    let section = manifest
        .split_once("[features]\n")
        .expect("a [features] table")
        .1;
    section
        .lines()
        .take_while(|line| !line.starts_with('['))
        .filter_map(|line| line.split_once(" = ").map(|(name, _)| name.trim()))
        .filter(|name| !name.starts_with('#'))
        .collect()
}

/// The name `api-error` in the public crate registry is another project's,
/// so every dependency line the README gives must point at this crate by
/// path, and name only features this crate has.
#[test]
fn the_readmes_dependency_lines_resolve_to_this_crate() {
    let readme = include_str!("../README.md");
    let manifest = include_str!("../api-error/Cargo.toml");
    assert!(manifest.contains("\nname = \"api-error\"\n"));
    let features = runtime_features(manifest);
    assert!(features.contains(&"axum") && features.contains(&"catalog"));
    let mut lines = 0;
    for block in readme.split("```toml\n").skip(1) {
        let block = block.split_once("```").expect("the block ends").0;
        for line in block.lines().filter(|line| line.starts_with("api-error ")) {
            lines += 1;
            assert!(
                !line.contains("version"),
                "a registry version fetches another crate: {line}"
            );
            // `../<your clone>/api-error`: the crate's directory in the clone.
            let path = line
                .split_once("path = \"")
                .and_then(|(_, rest)| rest.split_once('"'))
                .map(|(path, _)| path)
                .unwrap_or_else(|| panic!("not a path dependency: {line}"));
            let parts: Vec<&str> = path.split('/').collect();
            assert_eq!(parts.len(), 3, "{line}");
            assert_eq!((parts[0], parts[2]), ("..", "api-error"), "{line}");
            if let Some((_, listed)) = line.split_once("features = [") {
                let listed = listed.split_once(']').expect("the list ends").0;
                for feature in listed.split(',').map(|name| name.trim().trim_matches('"')) {
                    assert!(
                        features.contains(&feature),
                        "no feature `{feature}`: {line}"
                    );
                }
            }
        }
    }
    assert!(lines >= 7, "the README's dependency lines: {lines}");
}
