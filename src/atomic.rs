//! Every file juknis writes is written whole or not at all: into a temporary
//! file beside the target, flushed and synced to disk, then renamed over it. A
//! full disk, a kill or a power cut leaves the previous file as it was. A run's
//! output folder is locked while a run writes to it, and its files appear
//! together: `selesai.json` names the inputs and the outputs' hashes, and is
//! removed first and written last, so a folder without it is a run that did not
//! finish.

use sha2::{Digest, Sha256};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The error of a write, naming the file.
fn di(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn sementara(path: &Path) -> PathBuf {
    static N: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = N.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}.{n}.sementara", std::process::id()))
}

/// Sync a folder, so a rename inside it survives a power cut (Unix; elsewhere
/// the rename is as durable as the system makes it).
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A file being written: complete it with [`TempFile::commit`], or drop it to
/// throw it away.
pub struct TempFile {
    tmp: PathBuf,
    tujuan: PathBuf,
    done: bool,
}

impl TempFile {
    /// Write `isi` into a temporary file beside `tujuan`, flushed and synced.
    /// The target is untouched until [`TempFile::commit`].
    pub fn write(
        tujuan: &Path,
        isi: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<TempFile> {
        let tmp = sementara(tujuan);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(|e| di(tujuan, e))?;
        let s = TempFile {
            tmp,
            tujuan: tujuan.to_path_buf(),
            done: false,
        };
        // A file replaced in place keeps its permissions.
        if let Ok(m) = std::fs::metadata(tujuan) {
            let _ = std::fs::set_permissions(&s.tmp, m.permissions());
        }
        let mut w = io::BufWriter::with_capacity(1 << 20, file);
        isi(&mut w).map_err(|e| di(tujuan, e))?;
        let file = w.into_inner().map_err(|e| di(tujuan, e.into_error()))?;
        file.sync_all().map_err(|e| di(tujuan, e))?;
        Ok(s)
    }

    /// Put the file in place (one rename) and sync its folder.
    pub fn commit(mut self) -> io::Result<()> {
        std::fs::rename(&self.tmp, &self.tujuan).map_err(|e| di(&self.tujuan, e))?;
        self.done = true;
        sync_folder(folder_of(&self.tujuan));
        Ok(())
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Write a file whole or not at all.
pub fn atomik(tujuan: &Path, isi: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    TempFile::write(tujuan, isi)?.commit()
}

/// Write bytes to a file whole or not at all.
pub fn write_atomic(tujuan: &Path, bytes: &[u8]) -> io::Result<()> {
    atomik(tujuan, |w| w.write_all(bytes))
}

/// What writes one file's content.
pub type Content<'a> = Box<dyn FnOnce(&mut dyn Write) -> io::Result<()> + 'a>;

/// The name of the completion record in a run's output folder.
pub const SELESAI: &str = "selesai.json";
/// The lock file of a run's output folder.
pub const KUNCI: &str = ".juknis.lock";

/// A run's output folder, locked for this process until dropped. The lock is
/// the operating system's (released if the process dies), held on `.juknis.lock`.
pub struct OutputFolder {
    dir: PathBuf,
    _kunci: std::fs::File,
}

impl OutputFolder {
    /// Create the folder if needed and lock it; refuse when another run holds it.
    pub fn lock(dir: &Path) -> io::Result<OutputFolder> {
        std::fs::create_dir_all(dir).map_err(|e| di(dir, e))?;
        let path = dir.join(KUNCI);
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| di(&path, e))?;
        match f.try_lock() {
            Ok(()) => {
                // Temporary files left by a run that was killed: with the lock
                // held, no other run is writing them.
                if let Ok(rd) = std::fs::read_dir(dir) {
                    for e in rd.flatten() {
                        let name = e.file_name();
                        let name = name.to_string_lossy();
                        if name.starts_with('.') && name.ends_with(".sementara") {
                            let _ = std::fs::remove_file(e.path());
                        }
                    }
                }
                Ok(OutputFolder {
                    dir: dir.to_path_buf(),
                    _kunci: f,
                })
            }
            Err(std::fs::TryLockError::WouldBlock) => Err(io::Error::new(
                io::ErrorKind::WouldBlock,
                format!(
                    "{}: folder ini sedang dipakai `juknis run` lain; tunggu sampai selesai atau pilih folder lain / this folder is in use by another `juknis run`; wait for it or choose another folder",
                    dir.display()
                ),
            )),
            Err(std::fs::TryLockError::Error(e)) => Err(di(&path, e)),
        }
    }

    /// Write the files together: each into a temporary file first; when all are
    /// on disk, the old completion record goes, the files are renamed into
    /// place, and the new record (`selesai`, with the outputs' sizes added) is
    /// written last.
    pub fn write_all(
        &self,
        berkas: Vec<(&str, Content<'_>)>,
        mut selesai: serde_json::Value,
    ) -> io::Result<()> {
        let mut siap = Vec::new();
        let mut ukuran = serde_json::Map::new();
        for (name, isi) in berkas {
            let path = self.dir.join(name);
            let mut n = 0u64;
            let s = TempFile::write(&path, |w| {
                let mut t = CountingWriter { w, n: &mut n };
                isi(&mut t)
            })?;
            ukuran.insert(name.to_string(), serde_json::json!({ "bita": n }));
            siap.push(s);
        }
        let record = self.dir.join(SELESAI);
        match std::fs::remove_file(&record) {
            Ok(()) => sync_folder(&self.dir),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(di(&record, e)),
        }
        for s in siap {
            s.commit()?;
        }
        selesai["keluaran"] = serde_json::Value::Object(ukuran);
        let text = serde_json::to_string_pretty(&selesai).map_err(io::Error::other)?;
        write_atomic(&record, format!("{text}\n").as_bytes())
    }
}

/// Writes through and counts the bytes.
struct CountingWriter<'a, 'b> {
    w: &'a mut dyn Write,
    n: &'b mut u64,
}

impl Write for CountingWriter<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let k = self.w.write(buf)?;
        *self.n += k as u64;
        Ok(k)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// Lower-case hex of a hash.
pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// SHA-256 of bytes, in hex.
pub fn sha256(b: &[u8]) -> String {
    hex(&Sha256::digest(b))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("juknis-tulis-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).ok();
        d
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let d = dir("gagal");
        let f = d.join("juknis.juknis");
        std::fs::write(&f, "lama\n").ok();
        let e = atomik(&f, |w| {
            w.write_all(b"baru separuh")?;
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "No space left on device",
            ))
        })
        .unwrap_err();
        assert!(e.to_string().contains("juknis.juknis"), "{e}");
        assert_eq!(std::fs::read_to_string(&f).ok().as_deref(), Some("lama\n"));
        let left: Vec<_> = std::fs::read_dir(&d)
            .map(|r| r.count())
            .into_iter()
            .collect();
        assert_eq!(left, [1], "only the original file remains");
        write_atomic(&f, b"baru\n").ok();
        assert_eq!(std::fs::read_to_string(&f).ok().as_deref(), Some("baru\n"));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_locked_folder_is_refused() {
        let d = dir("kunci");
        let a = OutputFolder::lock(&d);
        assert!(a.is_ok());
        let b = OutputFolder::lock(&d);
        assert!(matches!(b, Err(e) if e.kind() == io::ErrorKind::WouldBlock));
        drop(a);
        assert!(OutputFolder::lock(&d).is_ok());
        let _ = std::fs::remove_dir_all(&d);
    }
}
