//! Kabupaten and kota of Indonesia with their province (`rulebook/wilayah/`,
//! Kemendagri codes): which province a border zone reaches into, and which kota
//! and kabupaten of DKI Jakarta are administrative.

use std::sync::OnceLock;

const DATA: &str = include_str!("../../rulebook/wilayah/kabupaten_kota.csv");

/// One kabupaten or kota.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Daerah {
    /// Kemendagri code, e.g. `35.15`.
    pub kode: &'static str,
    /// `kabupaten` or `kota`.
    pub tingkat: &'static str,
    pub nama: &'static str,
    pub provinsi: &'static str,
}

/// Every kabupaten and kota, read once. Rows that do not parse are skipped; the
/// test suite checks that none do.
pub fn semua() -> &'static [Daerah] {
    static ALL: OnceLock<Vec<Daerah>> = OnceLock::new();
    ALL.get_or_init(|| DATA.lines().skip(1).filter_map(baris).collect())
}

fn baris(line: &'static str) -> Option<Daerah> {
    let mut f = line.split(',');
    let kode = f.next()?;
    let tingkat = f.next().filter(|t| matches!(*t, "kabupaten" | "kota"))?;
    let nama = f.next()?;
    let _provinsi_kode = f.next()?;
    let provinsi = f.next()?;
    Some(Daerah {
        kode,
        tingkat,
        nama,
        provinsi,
    })
}

/// A name as people write it, reduced for comparison: lower case, letters and
/// digits only, without a leading "kabupaten", "kab.", "kota" or "provinsi".
fn key(s: &str) -> String {
    let lower = s.trim().to_lowercase();
    let mut rest = lower.as_str();
    for p in ["provinsi ", "kabupaten ", "kab. ", "kab ", "kota "] {
        if let Some(r) = rest.strip_prefix(p) {
            rest = r;
            break;
        }
    }
    rest.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A province's name as the data writes it, from the ways people write it.
pub fn provinsi(nama: &str) -> Option<&'static str> {
    let k = key(nama);
    let alias = match k.as_str() {
        "daerahkhususjakarta" | "daerahkhususibukotajakarta" | "jakarta" | "dkijakarta" => {
            "dkijakarta"
        }
        "daerahistimewayogyakarta" | "yogyakarta" | "diy" | "diyogyakarta" => "diyogyakarta",
        "bangkabelitung" | "babel" => "kepulauanbangkabelitung",
        "ntb" => "nusatenggarabarat",
        "ntt" => "nusatenggaratimur",
        other => other,
    };
    semua().iter().map(|d| d.provinsi).find(|p| key(p) == alias)
}

/// A kabupaten or kota by level and name.
pub fn find(tingkat: &str, nama: &str) -> Option<&'static Daerah> {
    let k = key(nama);
    semua()
        .iter()
        .find(|d| d.tingkat == tingkat && key(d.nama) == k)
}

/// The names of one level, for "did you mean".
pub fn nama_tingkat(tingkat: &str) -> Vec<&'static str> {
    semua()
        .iter()
        .filter(|d| d.tingkat == tingkat)
        .map(|d| d.nama)
        .collect()
}

/// Kota and kabupaten of DKI Jakarta are administrative, not autonomous: the
/// province governs them.
pub fn administratif(tingkat: &str, nama: &str) -> bool {
    find(tingkat, nama).is_some_and(|d| d.provinsi == "DKI Jakarta")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_parses() {
        assert_eq!(semua().len(), DATA.lines().count() - 1);
        assert_eq!(semua().len(), 514);
    }

    #[test]
    fn names_are_found_however_written() {
        let d = find("kabupaten", "Kabupaten Blora").map(|d| d.provinsi);
        assert_eq!(d, Some("Jawa Tengah"));
        assert_eq!(provinsi("Provinsi DKI Jakarta"), Some("DKI Jakarta"));
        assert_eq!(
            provinsi("Daerah Istimewa Yogyakarta"),
            Some("DI Yogyakarta")
        );
        assert!(administratif("kota", "Jakarta Selatan"));
        assert!(!administratif("kota", "Surabaya"));
        // Same name, two levels: Kabupaten Malang and Kota Malang.
        assert_ne!(
            find("kota", "Malang").map(|d| d.kode),
            find("kabupaten", "Malang").map(|d| d.kode)
        );
    }
}
