"""The one translation table: every string a user reads, in Indonesian and English.

``tr(key, lang, **values)`` looks a key up and fills ``{placeholders}``. Indonesian is the
default language. A test fails when a key lacks either language or when the two disagree on
their placeholders.
"""

from __future__ import annotations

LANGS = ("id", "en")
DEFAULT_LANG = "id"

# key: (Indonesian, English)
TEXT: dict[str, tuple[str, str]] = {
    # Page and navigation
    "app_title": ("Simulator IKM Alas Kaki", "Footwear IKM Simulator"),
    "app_subtitle": (
        "Apa yang terjadi pada produksi, nilai tambah, lapangan kerja, dan ekspor industri "
        "kecil dan menengah alas kaki bila kebijakan diubah? Geser tuas di samping.",
        "What happens to the production, value added, jobs and exports of Indonesia's "
        "footwear small and medium industry when policy changes? Move the levers at the side.",
    ),
    "language": ("Bahasa", "Language"),
    "lang_id": ("Bahasa Indonesia", "Bahasa Indonesia"),
    "lang_en": ("English", "English"),
    "tab_results": ("Hasil", "Results"),
    "tab_regions": ("Wilayah", "Regions"),
    "tab_table": ("Tabel", "Table"),
    "tab_method": ("Metodologi", "Methodology"),
    "tab_compare": ("Bandingkan", "Compare"),
    # Sharing, presenting, downloading
    "share": ("Bagikan", "Share"),
    "share_intro": (
        "Tautan ini membuka skenario yang sama persis, dalam bahasa apa pun. Salin dengan tombol "
        "di pojok kanan kotak.",
        "This link reopens exactly this scenario, in either language. Copy it with the button "
        "at the box's right corner.",
    ),
    "share_baseline": ("Skenario ini sama dengan baseline.", "This scenario is the baseline."),
    "share_diff": ("Berbeda dari baseline: {items}.", "Differs from the baseline: {items}."),
    "share_saved": (
        "Tautan juga membawa {n} skenario tersimpan untuk dibandingkan.",
        "The link also carries {n} saved scenarios for comparison.",
    ),
    "present": ("Mode presentasi", "Presentation mode"),
    "back_to_edit": ("Kembali ke penyuntingan", "Back to editing"),
    "present_title": ("{name}: hasil {year}", "{name}: results in {year}"),
    "current_scenario": ("Skenario saat ini", "Current scenario"),
    "downloads": ("Unduh", "Download"),
    "dl_intro": (
        "Berkas dibuat saat tombol diklik, dalam bahasa dan format angka halaman ini.",
        "Files are made when a button is clicked, in this page's language and number format.",
    ),
    "dl_csv": ("Hasil (CSV)", "Results (CSV)"),
    "dl_xlsx": ("Buku kerja (Excel)", "Workbook (Excel)"),
    "dl_pdf": ("Ringkasan satu halaman (PDF)", "One-page briefing (PDF)"),
    "dl_chart": ("Grafik", "Chart"),
    "dl_png": ("PNG", "PNG"),
    "dl_svg": ("SVG", "SVG"),
    # Comparison
    "compare_intro": (
        "Simpan skenario saat ini dengan sebuah nama, ubah tuas, simpan lagi, lalu bandingkan. "
        "Tautan Bagikan membawa semua skenario tersimpan.",
        "Save the current scenario under a name, change the levers, save again, then compare. "
        "The Share link carries every saved scenario.",
    ),
    "save_name": ("Nama skenario", "Scenario name"),
    "save_placeholder": ("mis. Investasi ganda + E-Smart", "e.g. Investment doubled + E-Smart"),
    "save": ("Simpan skenario ini", "Save this scenario"),
    "save_default_name": ("Skenario {n}", "Scenario {n}"),
    "save_full": (
        "Sudah ada {n} skenario tersimpan; hapus satu dulu.",
        "{n} scenarios are saved already; remove one first.",
    ),
    "saved_none": (
        "Belum ada skenario tersimpan. Tabel di bawah membandingkan skenario saat ini dengan "
        "baseline.",
        "No scenario saved yet. The table below compares the current scenario with the baseline.",
    ),
    "saved_list": ("Skenario tersimpan", "Saved scenarios"),
    "open_saved": ("Buka", "Open"),
    "remove_saved": ("Hapus", "Remove"),
    "compare_table": ("Hasil {year} per skenario", "Results in {year} by scenario"),
    "compare_note": (
        "Semua skenario dihitung sampai {year}, tahun akhir skenario saat ini.",
        "All scenarios run to {year}, the current scenario's end year.",
    ),
    "compare_output": ("Keluaran di grafik", "Output in the chart"),
    "compare_chart_sub": (
        "Satu garis per skenario; putus-putus: baseline",
        "One line per scenario; dashed: baseline",
    ),
    "col_scenario": ("Skenario", "Scenario"),
    # Analysis: uncertainty, sensitivity, goal-seeking, wider jobs
    "tab_analysis": ("Analisis", "Analysis"),
    "unc_title": ("Seberapa pasti?", "How sure is it?"),
    "unc_intro": (
        "{draws} simulasi dengan asumsi yang diambil acak dari rentang ketidakpastiannya "
        "(benih {seed}; hasil sama setiap kali). Pita: persentil ke-10 sampai ke-90; garis: "
        "median.",
        "{draws} runs with the assumptions drawn at random from their uncertainty ranges (seed "
        "{seed}; the same numbers every time). Band: 10th to 90th percentile; line: median.",
    ),
    "fan_subtitle": (
        "Pita 10–90%; biru: skenario, abu-abu putus-putus: baseline",
        "10–90% band; blue: scenario, grey dashed: baseline",
    ),
    "p10": ("Persentil ke-10", "10th percentile"),
    "p50": ("Median", "Median"),
    "p90": ("Persentil ke-90", "90th percentile"),
    "chance_beats": (
        "Peluang nilai produksi {year} skenario lebih tinggi dari baseline: {p}",
        "Chance that production in {year} is higher than the baseline: {p}",
    ),
    "chance_same": (
        "Skenario sama dengan baseline, jadi tidak ada peluang melampauinya.",
        "The scenario is the baseline, so it cannot beat it.",
    ),
    "target_output": ("Target untuk", "Target for"),
    "target_value": ("Nilai target ({unit})", "Target value ({unit})"),
    "chance_target": (
        "Peluang {what} {year} ≥ {value}: {p}",
        "Chance that {what} in {year} ≥ {value}: {p}",
    ),
    "target_bad": (
        "'{value}' bukan angka; ketik mis. {example}.",
        "'{value}' is not a number; type e.g. {example}.",
    ),
    "ranges_title": ("Rentang ketidakpastian", "Uncertainty ranges"),
    "r_low": ("Rendah", "Low"),
    "r_mode": ("Paling mungkin", "Most likely"),
    "r_high": ("Tinggi", "High"),
    "r_reason": ("Alasan", "Reason"),
    "sens_title": ("Asumsi mana yang paling menentukan?", "Which assumption matters most?"),
    "sens_output": ("Keluaran", "Output"),
    "tornado_title": (
        "{what} {year}: tiap asumsi pada batas rendah dan tingginya",
        "{what} in {year}: each assumption at its low and high",
    ),
    "tornado_subtitle": (
        "Garis hitam: skenario; asumsi lain tetap",
        "Black line: the scenario; the other assumptions held",
    ),
    "tornado_low": ("Asumsi rendah", "Assumption low"),
    "tornado_high": ("Asumsi tinggi", "Assumption high"),
    "goal_title": ("Apa yang dibutuhkan?", "What does it take?"),
    "goal_intro": (
        "Pilih target dan satu tuas; alat mencari nilai tuas yang mencapainya, pengaturan lain "
        "tetap.",
        "Choose a target and one lever; the tool finds the lever value that reaches it, with "
        "the other settings held.",
    ),
    "goal_output": ("Keluaran", "Output"),
    "goal_year": ("Tahun", "Year"),
    "goal_lever": ("Tuas", "Lever"),
    "goal_run": ("Cari", "Find"),
    "goal_found": (
        "{lever} {value} mencapai {what} {reached} pada {year}.",
        "{lever} at {value} reaches {what} of {reached} in {year}.",
    ),
    "goal_out": (
        "Tidak tercapai dalam rentang tuas ({low} sampai {high}): {what} {year} paling "
        "{direction} {closest}, pada {lever} {at}.",
        "Out of reach within the lever's range ({low} to {high}): {what} in {year} gets "
        "{direction} {closest}, at {lever} {at}.",
    ),
    "goal_most": ("tinggi", "at most"),
    "goal_least": ("rendah", "at least"),
    "goal_apply": ("Terapkan ke skenario", "Apply to the scenario"),
    "jobs_direct": ("Langsung", "Direct"),
    "jobs_indirect": ("Tidak langsung (perkiraan)", "Indirect (estimate)"),
    "jobs_induced": ("Ikutan (perkiraan)", "Induced (estimate)"),
    "jobs_wider_title": ("Lapangan kerja lebih luas", "Wider job effects"),
    "jobs_wider_sub": (
        "Skenario. Tidak langsung (pemasok) dan ikutan (belanja rumah tangga) adalah perkiraan "
        "dari pengganda asumsi.",
        "Scenario. Indirect (suppliers) and induced (household spending) are estimates from "
        "assumed multipliers.",
    ),
    "m_jobs_wider": (
        "Termasuk perkiraan tidak langsung dan ikutan: {total} ({indirect} + {induced}).",
        "With indirect and induced estimates: {total} ({indirect} + {induced}).",
    ),
    # Sidebar
    "levers": ("Tuas kebijakan", "Policy levers"),
    "preset": ("Skenario siap pakai", "Preset scenario"),
    "preset_help": (
        "Memilih skenario mengisi semua tuas dengan nilainya.",
        "Choosing a preset sets every lever to its values.",
    ),
    "preset_changed": ("● Sudah diubah dari skenario ini.", "● Changed since chosen."),
    "reset": ("Kembalikan ke baseline", "Reset to baseline"),
    "advanced": ("Asumsi lanjutan", "Advanced assumptions"),
    "advanced_intro": (
        "Asumsi di balik tuas. Baseline dihitung ulang dengan asumsi yang sama, sehingga "
        "selisih terhadap baseline hanya berasal dari tuas kebijakan.",
        "The assumptions behind the levers. The baseline is recomputed with the same "
        "assumptions, so the change against the baseline comes from the policy levers only.",
    ),
    "group_timing": ("Waktu kebijakan", "Policy timing"),
    "group_capacity": ("Kapasitas dan investasi", "Capacity and investment"),
    "group_demand": ("Permintaan dan penjualan online", "Demand and online sales"),
    "group_units_jobs": ("Unit, nilai tambah, dan tenaga kerja", "Units, value added and jobs"),
    "group_trade": ("Ekspor", "Exports"),
    "group_regions": ("Wilayah", "Regions"),
    "exact_values": ("Ketik nilai tepat", "Type exact values"),
    "exact_intro": (
        "Desimal dengan koma (5,6); ribuan boleh dengan titik (1.250).",
        "Decimals with a point (5.6); thousands may use a comma (1,250).",
    ),
    "exact_value": ("{label} ({unit})", "{label} ({unit})"),
    "apply": ("Terapkan", "Apply"),
    "exact_placeholder": ("ketik angka, mis. {example}", "type a number, e.g. {example}"),
    "changed_mark": ("● diubah (baseline {value})", "● changed (baseline {value})"),
    "help_template": (
        "{note}\n\nBaseline: {value}. Rentang: {low} sampai {high}.\n\nJenis: {kind}. "
        "Sumber: {source}",
        "{note}\n\nBaseline: {value}. Range: {low} to {high}.\n\nKind: {kind}. Source: {source}",
    ),
    "kind_published": ("angka terbitan", "published figure"),
    "kind_derived": ("turunan dari angka terbitan", "derived from published figures"),
    "kind_assumption": ("asumsi", "assumption"),
    # Validation notices
    "err_not_number": (
        "{label}: '{value}' bukan angka. Nilai tetap {current}.",
        "{label}: '{value}' is not a number. The value stays {current}.",
    ),
    "err_out_of_range": (
        "{label}: {value} di luar rentang {low} sampai {high}. Nilai tetap {current}.",
        "{label}: {value} is outside the range {low} to {high}. The value stays {current}.",
    ),
    "err_not_integer": (
        "{label}: tahun harus bilangan bulat. Nilai tetap {current}.",
        "{label}: the year must be a whole number. The value stays {current}.",
    ),
    "err_shares": (
        "Porsi Jawa Barat dan Jawa Timur ({which}) berjumlah {value}, lebih dari 100%. "
        "Turunkan salah satunya; hasil di bawah memakai baseline untuk porsi ini.",
        "The West and East Java shares ({which}) add up to {value}, above 100%. Lower one of "
        "them; the results below use the baseline for these shares.",
    ),
    "shares_base": ("unit yang ada", "existing units"),
    "shares_new": ("unit baru", "new units"),
    "err_generic": (
        "Terjadi kesalahan saat menghitung skenario. Skenario dikembalikan ke baseline.",
        "Something went wrong while computing the scenario. It was reset to the baseline.",
    ),
    "err_page": (
        "Terjadi kesalahan pada bagian halaman ini; rinciannya tercatat di log server. Muat "
        "ulang halaman atau kembalikan ke baseline.",
        "Something went wrong in this part of the page; the details are in the server log. "
        "Reload the page or reset to the baseline.",
    ),
    "policy_after_end": (
        "Tahun mulai kebijakan ({start}) sesudah tahun akhir ({end}): tuas tidak berpengaruh.",
        "The policy start year ({start}) is after the end year ({end}): the levers have no effect.",
    ),
    # Link notices (a tampered or stale link)
    "link_unknown": (
        "Tautan memuat parameter tak dikenal '{name}'; diabaikan.",
        "The link holds an unknown parameter '{name}'; it was ignored.",
    ),
    "link_not_number": (
        "{label}: '{value}' di tautan bukan angka; dipakai nilai baseline.",
        "{label}: '{value}' in the link is not a number; the baseline value is used.",
    ),
    "link_empty": (
        "{label}: nilai kosong di tautan; dipakai nilai baseline.",
        "{label}: empty value in the link; the baseline value is used.",
    ),
    "link_clamped": (
        "{label}: {value} di tautan di luar rentang {low} sampai {high}; dipakai {used}.",
        "{label}: {value} in the link is outside the range {low} to {high}; {used} is used.",
    ),
    "link_repeated": (
        "{label}: muncul lebih dari sekali di tautan; dipakai yang terakhir ({value}).",
        "{label}: appears more than once in the link; the last one ({value}) is used.",
    ),
    "link_shares": (
        "Porsi Jawa Barat dan Jawa Timur di tautan berjumlah {value}%, lebih dari 100%; "
        "dipakai porsi baseline.",
        "The West and East Java shares in the link add up to {value}%, above 100%; the "
        "baseline shares are used.",
    ),
    "link_bad_lang": (
        "Bahasa '{value}' di tautan tidak tersedia; dipakai Bahasa Indonesia.",
        "Language '{value}' in the link is not available; Indonesian is used.",
    ),
    "link_bad_view": (
        "Tampilan '{value}' di tautan tidak dikenal; dibuka halaman hasil.",
        "View '{value}' in the link is unknown; the results page is shown.",
    ),
    "link_bad_scenario": (
        "Skenario tersimpan '{value}' di tautan tidak terbaca; diabaikan.",
        "The saved scenario '{value}' in the link could not be read; it was ignored.",
    ),
    "link_too_many": (
        "Tautan memuat lebih dari {value} skenario tersimpan; sisanya diabaikan.",
        "The link holds more than {value} saved scenarios; the rest were ignored.",
    ),
    "link_as_baseline": (
        "{label}: {value} di tautan tampil sama dengan baseline; dipakai baseline ({used}).",
        "{label}: {value} in the link shows the same as the baseline; the baseline ({used}) "
        "is used.",
    ),
    "link_dropped": (
        "Tautan memuat lebih dari {used} entri; {value} entri sisanya tidak dibaca. "
        "Pengaturan yang dikenal tetap dipakai.",
        "The link holds more than {used} entries; the other {value} were not read. The "
        "settings it names are still used.",
    ),
    "link_too_big": (
        "Tautan ini terlalu besar untuk dibaca utuh ({value} entri, {used} karakter; batasnya "
        "1.000 entri dan 524.288 karakter). Hanya pengaturan yang dikenal yang dipakai; "
        "sisanya diabaikan.",
        "This link is too big to be read whole ({value} entries, {used} characters; the limit "
        "is 1,000 entries and 524,288 characters). Only the settings it names are used; the "
        "rest was ignored.",
    ),
    "notices_more": ("… dan {n} pemberitahuan lain.", "… and {n} more notices."),
    "dismiss": ("Tutup pemberitahuan", "Dismiss notices"),
    # Headline metrics
    "headline": ("Hasil {year} dibanding baseline", "Results in {year} against the baseline"),
    "m_production": ("Nilai produksi", "Production value"),
    "m_sales": ("Penjualan", "Sales"),
    "m_online": ("di antaranya online", "of which online"),
    "m_value_added": ("Nilai tambah", "Value added"),
    "m_jobs": ("Lapangan kerja langsung", "Direct jobs"),
    "m_exports": ("Ekspor", "Exports"),
    "m_units": ("Unit IKM aktif", "Active IKM units"),
    "m_utilisation": ("Utilisasi kapasitas", "Capacity utilisation"),
    "m_help": (
        "Selisih terhadap baseline pada {year}: {delta} ({pct}).",
        "Change against the baseline in {year}: {delta} ({pct}).",
    ),
    "m_ceiling": (
        "Kapasitas penuh: permintaan {unmet} tidak terlayani pada {year}. Tambah investasi.",
        "At full capacity: {unmet} of demand goes unmet in {year}. Add investment.",
    ),
    # Sentence
    "s_intro_baseline": ("Pada baseline", "In the baseline"),
    "s_with": ("Dengan {items}", "With {items}"),
    "s_and": ("dan", "and"),
    "s_investment": ("investasi {value} per tahun", "investment of {value} a year"),
    "s_no_investment": ("investasi tambahan dihentikan", "added investment stopped"),
    "s_new_units": ("{value} unit baru per tahun", "{value} new units a year"),
    "s_online": ("{value} unit berjualan online pada {year}", "{value} of units online by {year}"),
    "s_sales_place": (
        "{value} unit dengan tempat berjualan khusus",
        "{value} units with a dedicated sales place",
    ),
    "s_assumptions": ("asumsi yang diubah", "changed assumptions"),
    "s_production": (
        "{intro}, nilai produksi {year} mencapai {production}",
        "{intro}, production in {year} reaches {production}",
    ),
    "s_vs_baseline_up": (
        "{delta} ({pct}) lebih tinggi dari baseline",
        "{delta} ({pct}) above the baseline",
    ),
    "s_vs_baseline_down": (
        "{delta} ({pct}) lebih rendah dari baseline",
        "{delta} ({pct}) below the baseline",
    ),
    "s_vs_baseline_same": ("sama dengan baseline", "the same as the baseline"),
    "s_jobs_up": ("tercipta {jobs} lapangan kerja baru", "{jobs} new jobs are created"),
    "s_jobs_down": ("lapangan kerja berkurang {jobs}", "there are {jobs} fewer jobs"),
    "s_jobs_level": (
        "sektor ini menyerap {jobs} tenaga kerja",
        "the sector employs {jobs} people",
    ),
    "s_exports": ("ekspor {exports}", "exports {exports}"),
    "s_ceiling": (
        "Kapasitas penuh pada {year}: investasi tambahan diperlukan agar permintaan terlayani.",
        "Capacity is full in {year}: more investment is needed to meet demand.",
    ),
    # Charts
    "series_scenario": ("Skenario", "Scenario"),
    "series_baseline": ("Baseline", "Baseline"),
    "series_published": ("Angka Kemenperin", "Kemenperin figure"),
    "published_note": (
        "◆ angka Kemenperin 2016–2017; putus-putus: baseline",
        "◆ Kemenperin figures 2016–2017; dashed: baseline",
    ),
    "line_subtitle": ("Garis putus-putus: baseline", "Dashed line: baseline"),
    "axis_year": ("Tahun", "Year"),
    "axis_rp_tn": ("Rp triliun", "Rp trillion"),
    "axis_usd_mn": ("USD juta", "USD million"),
    "axis_persons": ("orang", "persons"),
    "axis_units": ("unit", "units"),
    "tooltip_value": ("Nilai", "Value"),
    "tooltip_series": ("Seri", "Series"),
    "tooltip_region": ("Wilayah", "Region"),
    "chart_production": ("Nilai produksi", "Production value"),
    "chart_value_added": ("Nilai tambah", "Value added"),
    "chart_jobs": ("Lapangan kerja langsung", "Direct jobs"),
    "chart_exports": ("Ekspor", "Exports"),
    "chart_sales_split": (
        "Penjualan offline dan online terhadap kapasitas",
        "Offline and online sales against capacity",
    ),
    "chart_sales_split_sub": (
        "Skenario. Bila permintaan melebihi garis kapasitas, sisanya tidak terlayani.",
        "Scenario. Where demand passes the capacity line, the rest goes unmet.",
    ),
    "sales_offline": ("Penjualan offline", "Offline sales"),
    "sales_online": ("Penjualan online", "Online sales"),
    "sales_unmet": ("Permintaan tak terlayani", "Unmet demand"),
    "capacity_line": ("Kapasitas produksi", "Production capacity"),
    "policy_start_mark": ("Kebijakan mulai", "Policy starts"),
    "chart_regions_sub": (
        "Per wilayah, {year}",
        "By region, {year}",
    ),
    "region_jawa_barat": ("Jawa Barat", "West Java"),
    "region_jawa_timur": ("Jawa Timur", "East Java"),
    "region_lainnya": ("Wilayah lain", "Rest of Indonesia"),
    "r_units": ("Unit IKM", "IKM units"),
    "r_production": ("Nilai produksi", "Production value"),
    "r_jobs": ("Lapangan kerja", "Jobs"),
    "chart_alt": (
        "{title}: skenario {last_s} dan baseline {last_b} pada {year}.",
        "{title}: scenario {last_s} and baseline {last_b} in {year}.",
    ),
    "alt_sales": (
        "Penjualan {year}: offline {offline}, online {online}; kapasitas {capacity}; "
        "permintaan tak terlayani {unmet}.",
        "Sales in {year}: offline {offline}, online {online}; capacity {capacity}; unmet "
        "demand {unmet}.",
    ),
    "alt_fan": (
        "{title} {year}: median {p50}, 80% hasil antara {p10} dan {p90}.",
        "{title} in {year}: median {p50}, 80% of runs between {p10} and {p90}.",
    ),
    # Results table
    "table_title": ("Hasil per tahun", "Results by year"),
    "table_caption": (
        "Skenario; angka dalam kurung adalah selisih terhadap baseline.",
        "Scenario; figures in brackets are the change against the baseline.",
    ),
    "col_year": ("Tahun", "Year"),
    "col_units": ("Unit", "Units"),
    "col_online_units": ("Unit online", "Online units"),
    "col_production_rp_tn": ("Produksi (Rp triliun)", "Production (Rp trillion)"),
    "col_sales_rp_tn": ("Penjualan (Rp triliun)", "Sales (Rp trillion)"),
    "col_online_sales_rp_tn": ("Penjualan online (Rp triliun)", "Online sales (Rp trillion)"),
    "col_value_added_rp_tn": ("Nilai tambah (Rp triliun)", "Value added (Rp trillion)"),
    "col_jobs": ("Lapangan kerja (orang)", "Jobs (persons)"),
    "col_exports_usd_mn": ("Ekspor (USD juta)", "Exports (USD million)"),
    "col_jobs_indirect": (
        "Lapangan kerja tidak langsung, perkiraan (orang)",
        "Indirect jobs, estimate (persons)",
    ),
    "col_jobs_induced": (
        "Lapangan kerja ikutan, perkiraan (orang)",
        "Induced jobs, estimate (persons)",
    ),
    "col_capacity_rp_tn": ("Kapasitas (Rp triliun)", "Capacity (Rp trillion)"),
    "col_utilisation_pct": ("Utilisasi (%)", "Utilisation (%)"),
    "col_demand_rp_tn": ("Permintaan (Rp triliun)", "Demand (Rp trillion)"),
    "col_unmet_demand_rp_tn": (
        "Permintaan tak terlayani (Rp triliun)",
        "Unmet demand (Rp trillion)",
    ),
    "col_investment_rp_tn": ("Investasi (Rp triliun)", "Investment (Rp trillion)"),
    "col_online_share_pct": ("Unit online (%)", "Units online (%)"),
    "col_region": ("Wilayah", "Region"),
    # Methodology page
    "method_params": ("Tabel parameter", "Parameter table"),
    "method_params_caption": (
        "Setiap angka di aplikasi berasal dari baris-baris ini. Nilai yang ditampilkan adalah "
        "nilai skenario saat ini.",
        "Every number in the app comes from these rows. Values shown are the current scenario's.",
    ),
    "p_name": ("Nama", "Name"),
    "p_label": ("Parameter", "Parameter"),
    "p_value": ("Nilai", "Value"),
    "p_baseline": ("Baseline", "Baseline"),
    "p_range": ("Rentang", "Range"),
    "p_kind": ("Jenis", "Kind"),
    "p_source": ("Sumber", "Source"),
    "p_note": ("Catatan", "Note"),
    "p_unit": ("Satuan", "Unit"),
    # Exports
    "sheet_years": ("Hasil per tahun", "Results by year"),
    "sheet_regions": ("Wilayah", "Regions"),
    "sheet_params": ("Parameter", "Parameters"),
    "pdf_title": ("Ringkasan skenario IKM alas kaki", "Footwear IKM scenario briefing"),
    "pdf_date": ("dibuat", "made"),
    "pdf_settings": ("Pengaturan dibanding baseline", "Settings against the baseline"),
    "pdf_no_change": ("Semua pengaturan sama dengan baseline.", "All settings are the baseline."),
    "pdf_assumptions": ("Asumsi utama", "Main assumptions"),
    "pdf_link": ("Tautan yang membuka skenario ini", "Link that reopens this scenario"),
    "data_note": (
        "Catatan data: total sektor (Rp 22,98 triliun) dan angka per unit (Rp 14 juta per "
        "bulan) menyiratkan sekitar 137.000 unit, padahal hitungan resmi hanya 16.000 sampai "
        "19.000. Model dikalibrasi pada total; lihat Metodologi.",
        "Data note: the sector total (Rp 22.98 trillion) and the per-unit figure (Rp 14 million "
        "a month) imply about 137,000 units, while official counts are 16,000 to 19,000. The "
        "model is calibrated to the totals; see Methodology.",
    ),
    "footer": (
        "Sumber utama: Kemenperin (2017). Nilai dalam harga 2016. Proyeksi, bukan ramalan.",
        "Main source: Kemenperin (2017). Values in 2016 prices. Projections, not forecasts.",
    ),
}

# Unit strings of data/parameters.csv, shown beside a value: (Indonesian, English) templates.
UNITS: dict[str, tuple[str, str]] = {
    "Rp trillion per year": ("Rp {v} triliun per tahun", "Rp {v} trillion a year"),
    "Rp trillion": ("Rp {v} triliun", "Rp {v} trillion"),
    "Rp million per month": ("Rp {v} juta per bulan", "Rp {v} million a month"),
    "Rp million": ("Rp {v} juta", "Rp {v} million"),
    "Rp per USD": ("Rp {v} per USD", "Rp {v} per USD"),
    "Rp per Rp of added annual output": (
        "{v} rupiah per rupiah output tahunan",
        "{v} rupiah per rupiah of annual output",
    ),
    "units per year": ("{v} unit per tahun", "{v} units a year"),
    "units": ("{v} unit", "{v} units"),
    "persons": ("{v} orang", "{v} persons"),
    "%": ("{v}%", "{v}%"),
    "% per year": ("{v}% per tahun", "{v}% a year"),
    "year": ("{v}", "{v}"),
    "index": ("{v}", "{v}"),
    "jobs per direct job": ("{v} per pekerja langsung", "{v} per direct job"),
}


def tr(key: str, lang: str, **values: object) -> str:
    """The text of ``key`` in ``lang`` with ``{placeholders}`` filled from ``values``."""
    pair = TEXT[key]
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**values) if values else text


def unit_template(unit: str, lang: str) -> str:
    """The '{v}'-template that shows a value with its unit in ``lang``."""
    pair = UNITS[unit]
    return pair[1] if lang == "en" else pair[0]
