use juknis::diagnostic::Lang;
use miette::Result;

#[derive(clap::Args)]
pub struct Args {
    pub code: String,
}

pub fn run(_a: Args, _lang: Lang) -> Result<u8> {
    Ok(2)
}
