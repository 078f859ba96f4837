//! Writes the users API's error reference page, in Markdown, from its error
//! types: the example of keeping an `ERRORS.md` next to the code.
//!
//! ```sh
//! cargo run --example error_reference              # examples/users/ERRORS.md
//! cargo run --example error_reference -- OUT.md    # anywhere else
//! ```
//!
//! A test checks that the committed page is what this writes.

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let path = match std::env::args_os().nth(1) {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("users/ERRORS.md"),
    };
    std::fs::write(&path, api_error_examples::users::reference_page())?;
    println!("wrote {}", path.display());
    Ok(())
}
