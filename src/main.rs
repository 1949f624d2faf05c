//! The `un2akn` binary: reads flags, calls the library, maps results to exit
//! codes. Nothing else lives here.

mod cli;

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use cli::{Args, Command, Format};

/// Every input converted or valid.
const EXIT_OK: u8 = 0;
/// Some input failed.
const EXIT_FAILED: u8 = 1;

fn main() -> ExitCode {
    let args = Args::parse();
    let ok = match args.command {
        Command::Convert {
            input,
            output,
            symbol,
            format,
            conversion_date,
        } => {
            let options = un2akn::Options {
                symbol,
                conversion_date,
                ..un2akn::Options::default()
            };
            convert(&input, output.as_deref(), format, &options)
        }
        Command::Validate { files } => {
            // Check every file, even after a failure.
            let failures = files.iter().filter(|file| !validate(file)).count();
            failures == 0
        }
    };
    ExitCode::from(if ok { EXIT_OK } else { EXIT_FAILED })
}

fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".into()
    } else {
        path.display().to_string()
    }
}

fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
}

fn convert(input: &Path, output: Option<&Path>, format: Format, options: &un2akn::Options) -> bool {
    let name = display_name(input);
    let bytes = match read_input(input) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{name}: error: cannot read: {e}");
            return false;
        }
    };
    let conversion = match un2akn::convert_bytes(&bytes, options) {
        Ok(conversion) => conversion,
        Err(e) => {
            match e.position() {
                // The error's message starts with its position.
                Some(_) => eprintln!("{name}:{e}"),
                None => eprintln!("{name}: error: {e}"),
            }
            return false;
        }
    };
    for warning in &conversion.warnings {
        eprintln!("{name}:{warning}");
    }
    let text = match format {
        Format::Akn => conversion.xml,
        Format::Json => {
            let mut json =
                serde_json::to_string_pretty(&conversion.document).expect("the model serialises");
            json.push('\n');
            json
        }
    };
    let written = match output {
        Some(path) => write_atomically(path, text.as_bytes()),
        None => {
            let mut stdout = io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`| head`) is not an error.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                other => other,
            }
        }
    };
    if let Err(e) = written {
        let target = output.map_or("<stdout>".into(), |p| p.display().to_string());
        eprintln!("{target}: error: cannot write: {e}");
        return false;
    }
    true
}

/// Writes to a temporary file beside `path`, then renames it into place, so
/// that no partial file is ever left at `path`.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".un2akn-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn validate(path: &Path) -> bool {
    let name = display_name(path);
    let bytes = match read_input(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{name}: error: cannot read: {e}");
            return false;
        }
    };
    let result = un2akn::decode(&bytes).and_then(un2akn::validate::validate);
    match result {
        Ok(()) => {
            println!("{name} validates");
            true
        }
        Err(e) => {
            match e.kind() {
                un2akn::ErrorKind::SchemaInvalid { messages }
                | un2akn::ErrorKind::MalformedXml { messages } => {
                    for message in messages {
                        match message.line {
                            Some(line) => eprintln!("{name}:{line}: {}", message.message),
                            None => eprintln!("{name}: {}", message.message),
                        }
                    }
                }
                _ => eprintln!("{name}: error: {e}"),
            }
            eprintln!("{name} fails to validate");
            false
        }
    }
}
