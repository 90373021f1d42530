//! Validating produced XML against the official ISO 20022 schemas with `xmllint --schema`.
//! The schemas are in the shared corpus (`GESTIO_CORPUS`, else `../shared/iso20022`); under CI a
//! missing schema folder or a missing xmllint is a failure, elsewhere a loud skip.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The folder of the XSDs, or `None` (after saying so loudly) when they cannot be used here.
pub fn schemas() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = match std::env::var("GESTIO_CORPUS") {
        Ok(folder) => manifest.join(folder),
        Err(_) => manifest.join("../shared/iso20022"),
    }
    .join("xsd");
    let xmllint = Command::new("xmllint").arg("--version").output().is_ok();
    if folder.is_dir() && xmllint {
        return Some(folder);
    }
    let missing = if xmllint {
        format!("no XSDs at {}", folder.display())
    } else {
        "xmllint is not installed (apt-get install libxml2-utils)".to_owned()
    };
    if std::env::var_os("CI").is_some() {
        panic!("pain.001 XSD validation cannot run: {missing}; CI must run it");
    }
    eprintln!("\n*** PAIN.001 XSD VALIDATION NOT RUN: {missing} ***\n");
    None
}

/// Validates `xml` against `schema` (a path under the XSD folder); the error is xmllint's report.
pub fn validate(schemas: &Path, schema: &str, xml: &[u8]) -> Result<(), String> {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(xml).expect("writing the file to validate");
    let output = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(schemas.join(schema))
        .arg(file.path())
        .output()
        .expect("running xmllint");
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// The schemas a file of `version` must pass: the ISO one, and for .09 also the EPC rulebook's.
pub fn schemas_for(version: &str) -> Vec<String> {
    match version {
        "pain.001.001.09" => vec![
            "pain.001.001.09.xsd".to_owned(),
            "variants/pain.001.001.09_EPC132-08_2023_V1.0_SCT_C2PSP.xsd".to_owned(),
        ],
        other => vec![format!("{other}.xsd")],
    }
}
