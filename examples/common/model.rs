//! The `--model` option of the examples: a model by the name the command line gives it, the
//! names the `unboil` binary takes too.

use unboil::Model;

/// The model named `name` (`standard` or `broad`), or the message to show for another name.
pub fn parse(name: &str) -> Result<Model, String> {
    match name {
        "standard" => Ok(Model::Standard),
        "broad" => Ok(Model::Broad),
        other => Err(format!("unknown model {other:?} (standard or broad)")),
    }
}
