//! The README's format examples: each body it shows is what the format
//! writes for the README's enum.

use api_error::format::{Flat, Format, Meta, Nested, Problem, Standard};
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
