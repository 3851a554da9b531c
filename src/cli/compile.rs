use juknis::diagnostic::Lang;
use miette::Result;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    pub file: PathBuf,
}

pub fn run(_a: Args, _lang: Lang, _color: bool) -> Result<u8> {
    Ok(2)
}
