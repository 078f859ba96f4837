//! Whether a body has the shape of a standard's own published example:
//! the same members at the same places, nested alike, of the same JSON
//! types.

use serde_json::Value;

/// Fails unless every member of `ours` is one `published` has at the same
/// place, of the same JSON type, and likewise inside: in an array, each of
/// our items has the shape of one of the example's (of the one with the
/// same `@type`, when the example's items say theirs). The objects named in
/// `maps` hold the service's own members: there only the values' type is
/// checked: each must be like one of the example's values.
pub fn assert_shape(ours: &Value, published: &Value, maps: &[&str]) {
    if let Err(problem) = shape(ours, published, maps, "body") {
        panic!("{problem}\n ours: {ours}\n published: {published}");
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn shape(ours: &Value, published: &Value, maps: &[&str], at: &str) -> Result<(), String> {
    if kind(ours) != kind(published) {
        return Err(format!(
            "{at} is {}, the published example's is {}",
            kind(ours),
            kind(published)
        ));
    }
    match (ours, published) {
        (Value::Object(ours), Value::Object(published)) => {
            let name = at.rsplit('.').next().unwrap_or(at);
            for (key, value) in ours {
                let at = format!("{at}.{key}");
                if maps.contains(&name) {
                    // Like one of the example's values.
                    if !published
                        .values()
                        .any(|theirs| shape(value, theirs, maps, &at).is_ok())
                    {
                        return Err(format!(
                            "{at} is like none of the published example's values"
                        ));
                    }
                    continue;
                }
                let Some(theirs) = published.get(key) else {
                    return Err(format!("{at} is not in the published example"));
                };
                shape(value, theirs, maps, &at)?;
            }
            Ok(())
        }
        (Value::Array(ours), Value::Array(published)) => {
            for (i, item) in ours.iter().enumerate() {
                let at = format!("{at}[{i}]");
                let like = |theirs: &&Value| {
                    item.get("@type").is_none() || theirs.get("@type") == item.get("@type")
                };
                let candidates: Vec<&Value> = published.iter().filter(like).collect();
                let problems: Vec<String> = candidates
                    .iter()
                    .filter_map(|theirs| shape(item, theirs, maps, &at).err())
                    .collect();
                if candidates.is_empty() {
                    return Err(format!("{at}: no item of the published example is like it"));
                }
                if problems.len() == candidates.len() {
                    return Err(problems.join("; "));
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}
