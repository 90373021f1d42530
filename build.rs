//! Rebuilds the crate when a migration changes: `sqlx::migrate!` embeds `migrations/` at compile
//! time, and without this cargo would not know a new migration needs a rebuild.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
