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
        "Bagaimana nilai produksi, nilai tambah, tenaga kerja, dan nilai ekspor industri kecil "
        "dan menengah alas kaki berubah apabila kebijakan diubah? Atur instrumen kebijakan di "
        "panel samping atau di bawah pada layar ponsel.",
        "What happens to the production, value added, jobs and exports of Indonesia's footwear "
        "small and medium industry when policy changes? Set the policy instruments in the side "
        "panel, or below on a phone.",
    ),
    "app_description": (
        "Simulasi kebijakan untuk industri kecil dan menengah alas kaki: nilai produksi, "
        "nilai tambah, tenaga kerja, dan ekspor dibandingkan dengan skenario dasar.",
        "Policy simulator for Indonesia's footwear small and medium industry: production, "
        "value added, jobs and exports against the baseline.",
    ),
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
        "Tautan ini membuka skenario yang sama persis, dalam bahasa apa pun.",
        "This link reopens exactly this scenario, in either language.",
    ),
    "share_baseline": (
        "Skenario ini sama dengan skenario dasar.",
        "This scenario is the baseline.",
    ),
    "share_diff": ("Berbeda dari skenario dasar: {items}.", "Differs from the baseline: {items}."),
    "share_saved": (
        "Tautan juga memuat {n} skenario tersimpan untuk dibandingkan.",
        "The link also carries {n} saved scenarios for comparison.",
    ),
    "present": ("Mode presentasi", "Presentation mode"),
    "back_to_edit": ("Kembali ke penyuntingan", "Back to editing"),
    # No colon after the name: a preset's name can hold one ("e-Smart IKM: …").
    "present_title": ("{name} — hasil {year}", "{name} — results in {year}"),
    "downloads": ("Unduh", "Download"),
    "dl_busy": (
        "Berkas sedang dibuat… Ringkasan PDF perlu beberapa detik.",
        "Making the file… The PDF briefing takes a few seconds.",
    ),
    "dl_intro": (
        "Berkas dibuat saat tombol diklik, dalam bahasa dan format angka halaman ini.",
        "Files are made when a button is clicked, in this page's language and number format.",
    ),
    "dl_csv": ("Hasil (CSV)", "Results (CSV)"),
    "dl_compare_csv": ("Unduh perbandingan (CSV)", "Download the comparison (CSV)"),
    "file_compare": ("perbandingan skenario", "scenario comparison"),
    "dl_xlsx": ("Buku kerja (Excel)", "Workbook (Excel)"),
    "dl_pdf": ("Ringkasan skenario (PDF)", "Scenario briefing (PDF)"),
    "dl_author": ("Disiapkan oleh (dicetak di PDF)", "Prepared by (printed on the PDF)"),
    "dl_note": ("Catatan (dicetak di PDF)", "Notes (printed on the PDF)"),
    "dl_chart": ("Grafik", "Chart"),
    "dl_png": ("PNG", "PNG"),
    "dl_svg": ("SVG", "SVG"),
    # Comparison
    "compare_intro": (
        "Simpan skenario saat ini dengan sebuah nama, ubah instrumen kebijakan, simpan lagi, lalu "
        "bandingkan. Tautan Bagikan memuat semua skenario tersimpan.",
        "Save the current scenario under a name, change the policy instruments, save again, then "
        "compare. The Share link carries every saved scenario.",
    ),
    "save_name": ("Nama skenario", "Scenario name"),
    "save_placeholder": (
        "mis. Investasi ganda dan e-Smart IKM",
        "e.g. Investment doubled and e-Smart IKM",
    ),
    "save": ("Simpan skenario ini", "Save this scenario"),
    "save_default_name": ("Skenario {n}", "Scenario {n}"),
    "save_full": (
        "Sudah ada {n} skenario tersimpan; hapus satu skenario terlebih dahulu.",
        "{n} scenarios are saved already; remove one first.",
    ),
    "saved_none": (
        "Belum ada skenario tersimpan. Tabel di bawah membandingkan skenario saat ini dengan "
        "skenario dasar.",
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
    "compare_output": ("Indikator pada grafik", "Indicator in the chart"),
    "compare_chart_sub": (
        "Satu garis per skenario; garis putus-putus: skenario dasar",
        "One line per scenario; dashed: baseline",
    ),
    "col_scenario": ("Skenario", "Scenario"),
    # Contributions: each instrument's share of a package's effects (simulator/contributions.py)
    "wf_heading": ("Sumbangan setiap instrumen", "What each instrument contributes"),
    "wf_intro": (
        "Dampak paket dibagi ke setiap instrumen yang diubah dengan nilai Shapley: dampak "
        "tambahan setiap instrumen dirata-rata atas semua urutan penerapannya, sehingga "
        "jumlahnya sama persis dengan dampak paket.",
        "The package's effect is split among the instruments it moves with Shapley values: "
        "each instrument's added effect averaged over every order of switching them on, so "
        "the parts add up exactly to the package's effect.",
    ),
    "wf_output": ("Indikator yang dibagi", "Indicator split"),
    "wf_scenario_pick": ("Skenario yang dibagi", "Scenario split"),
    "wf_single": (
        "Skenario ini hanya mengubah satu instrumen, jadi seluruh dampaknya berasal dari "
        "instrumen itu.",
        "This scenario moves one instrument only, so all of its effect comes from it.",
    ),
    "wf_none": (
        "Skenario ini tidak mengubah instrumen kebijakan.",
        "This scenario moves no policy instrument.",
    ),
    "wf_title": (
        "Sumbangan setiap instrumen pada {what} {year}",
        "What each instrument adds to {what} in {year}",
    ),
    "wf_label": ("Sumbangan setiap instrumen", "What each instrument contributes"),
    "wf_subtitle": (
        "Nilai Shapley; jumlahnya sama dengan dampak paket. Hijau menambah, jingga "
        "mengurangi. Sumbu tidak dimulai dari nol: batang skenario dasar dan skenario "
        "terpotong.",
        "Shapley values; they add up to the package's effect. Green adds, orange subtracts. "
        "The axis does not start at zero: the baseline and scenario bars are cut.",
    ),
    # The best mix for a budget (simulator/allocate.py, ui/views/allocate.py)
    "tab_allocate": ("Alokasi anggaran", "Budget allocation"),
    "alloc_intro": (
        "Campuran instrumen yang paling banyak mencapai sasaran dalam anggaran pemerintah. "
        "Anggaran dan hasil diukur sebagai nilai kini selama {years} tahun sejak awal kebijakan, "
        "dengan diskonto riil {rate} per tahun; pengaturan lain mengikuti skenario saat ini.",
        "The mix of instruments that does most for a goal within a government budget. Budget and "
        "results are present values over {years} years from the policy start, at a real discount "
        "rate of {rate} a year; other settings are the current scenario's.",
    ),
    "alloc_budget": (
        "Anggaran pemerintah, nilai kini (Rp triliun)",
        "Government budget, present value (Rp trillion)",
    ),
    "alloc_goal": ("Sasaran", "Goal"),
    "alloc_limits": ("Batas (opsional)", "Limits (optional)"),
    "alloc_region": ("Wilayah", "Region"),
    "alloc_region_min": (
        "Persentase minimum tambahan tenaga kerja di wilayah itu (%)",
        "Minimum share of the added jobs in that region (%)",
    ),
    "alloc_run": ("Cari campuran terbaik", "Find the best mix"),
    "alloc_error_budget_text": (
        "Masukkan anggaran untuk mencari campuran terbaik.",
        "Enter a budget to find the best mix.",
    ),
    "alloc_answer": (
        "Dengan anggaran {budget}, campuran terbaik untuk {goal} mencapai {value} (biaya {cost}).",
        "With a budget of {budget}, the best mix for {goal} reaches {value} (cost {cost}).",
    ),
    "alloc_mix": ("Campuran: {items}.", "Mix: {items}."),
    "alloc_col_option": ("Satu instrumen saja", "One instrument alone"),
    "alloc_col_value": ("Nilai", "Value"),
    "alloc_col_cost": ("Biaya, nilai kini", "Cost, present value"),
    "alloc_col_goal": ("Hasil", "Result"),
    "alloc_col_gain": ("Campuran terbaik lebih baik", "Best mix better by"),
    "alloc_chance": (
        "Peluang campuran terbaik mengungguli pilihan terbaik berikutnya ({other} saja): "
        "{chance} dari {draws} simulasi dengan asumsi yang tidak pasti diberi nilai acak "
        "dalam rentangnya.",
        "Chance that the best mix beats the runner-up ({other} alone): {chance} of {draws} "
        "simulations with the uncertain assumptions given random values within their ranges.",
    ),
    "alloc_apply": ("Terapkan campuran ini sebagai skenario", "Apply this mix as the scenario"),
    "alloc_method": (
        "Metode: pencarian bertumpuk atas pembagian anggaran antarinstrumen, kisi kasar, lalu "
        "penghalusan di sekitar yang terbaik; {n} campuran dihitung dalam {seconds} detik. "
        "Toleransi: tidak ada campuran yang diperiksa melampauinya lebih dari {tolerance}.",
        "Method: batched search over splits of the budget among the instruments, a coarse "
        "grid, then refinement around the best; {n} mixes evaluated in {seconds} s. "
        "Tolerance: no mix checked beats it by more than {tolerance}.",
    ),
    "alloc_best_mix": ("Campuran terbaik", "Best mix"),
    "alloc_goal_jobs": ("Tenaga kerja langsung (orang-tahun)", "Direct jobs (job-years)"),
    "alloc_goal_value_added": ("Nilai tambah", "Value added"),
    "alloc_goal_production": ("Nilai produksi", "Production"),
    "alloc_goal_exports": ("Nilai ekspor", "Exports"),
    "alloc_axis_budget": (
        "Anggaran, nilai kini (Rp triliun)",
        "Budget, present value (Rp trillion)",
    ),
    "alloc_axis_jobs": ("orang-tahun kerja, nilai kini", "job-years, present value"),
    "alloc_axis_value_added": ("Rp triliun, nilai kini", "Rp trillion, present value"),
    "alloc_axis_production": ("Rp triliun, nilai kini", "Rp trillion, present value"),
    "alloc_axis_exports": ("USD juta, nilai kini", "USD million, present value"),
    "alloc_frontier_title": (
        "Hasil terbaik per anggaran: {goal}",
        "The most each budget buys: {goal}",
    ),
    "alloc_frontier_label": ("Hasil terbaik per anggaran", "The most each budget buys"),
    "alloc_frontier_sub": (
        "Garis utuh: campuran terbaik; putus-putus: satu instrumen saja; belah ketupat: "
        "jawaban untuk anggaran ini. Nilai kini 10 tahun sejak awal kebijakan.",
        "Solid: the best mix; dashed: one instrument alone; diamond: the answer for this "
        "budget. Present values over 10 years from the policy start.",
    ),
    "alloc_job_years": ("{v} orang-tahun kerja", "{v} job-years"),
    "alloc_err_budget": (
        "Anggaran “{budget}” tidak dapat digunakan: masukkan nilai kini dari 0 sampai dengan "
        "{most}.",
        "The budget '{budget}' cannot be used: enter a present value from 0 to {most}.",
    ),
    "alloc_err_goal": (
        "Sasaran “{goal}” tidak dikenal; pilih salah satu dari: {names}.",
        "Unknown goal '{goal}'; choose one of: {names}.",
    ),
    "alloc_err_limit_syntax": (
        "Batas “{text}” tidak terbaca; tulis NAMA=NILAI.",
        "The limit '{text}' cannot be read; write NAME=VALUE.",
    ),
    "alloc_err_limit_name": (
        "Batas untuk “{name}” tidak dikenal; yang dapat dibatasi: {names}.",
        "No limit can be set on '{name}'; limits apply to: {names}.",
    ),
    "alloc_err_limit_value": (
        "Batas {name} “{value}” bukan angka.",
        "The limit {name} '{value}' is not a number.",
    ),
    "alloc_err_limit_range": (
        "Batas {name} {value} di luar rentang yang diizinkan ({low} sampai {high}).",
        "The limit {name} {value} is outside the allowed range ({low} to {high}).",
    ),
    "alloc_err_contradictory": (
        "Batas {name} saling bertentangan: minimum {low} di atas maksimum {high}.",
        "The limits of {name} contradict each other: the minimum {low} is above the maximum "
        "{high}.",
    ),
    "alloc_err_regions_sum": (
        "Persentase minimum wilayah berjumlah {total}, lebih dari 100%.",
        "The regions' minimum shares add up to {total}, more than 100%.",
    ),
    "alloc_err_no_fit": (
        "Tidak ada campuran yang muat dalam anggaran {budget}: campuran termurah dengan batas "
        "ini sudah {cost}. Naikkan anggaran atau turunkan batas minimum.",
        "No mix fits the budget of {budget}: the cheapest mix within these limits already "
        "costs {cost}. Raise the budget or lower the minimums.",
    ),
    "alloc_err_no_fit_region": (
        "Tidak ada campuran dalam anggaran {budget} yang memenuhi batas persentase wilayah.",
        "No mix within the budget of {budget} meets the regions' share limits.",
    ),
    "wf_baseline": ("Skenario dasar", "Baseline"),
    "wf_up": ("Menambah", "Adds"),
    "wf_down": ("Mengurangi", "Subtracts"),
    "wf_scenario": ("Skenario", "Scenario"),
    "wf_item": ("Bagian", "Part"),
    # Short names of the instruments, where a chart row or a table cell has little room
    # (an instrument without one is named by its label in data/parameters.csv).
    "short_investment": ("Investasi tambahan", "Added investment"),
    "short_new_units": ("Unit usaha baru", "New units"),
    "short_online_adoption": ("Adopsi daring", "Online adoption"),
    "short_sales_place_units": ("Tempat berjualan", "Sales places"),
    # The instruments as nouns inside a sentence (goal seeking: "Dengan investasi bruto
    # sebesar Rp5,6 triliun per tahun, ..."): the unit words come with the value.
    "noun_investment": ("investasi bruto", "gross investment"),
    "noun_new_units": ("unit usaha IKM baru (program)", "new IKM units (programme)"),
    "noun_online_adoption": (
        "persentase unit skala mikro dan kecil yang berjualan daring pada tahun target",
        "the share of micro and small units selling online in the target year",
    ),
    "noun_sales_place_units": (
        "unit yang mendapat tempat berjualan khusus",
        "units with a dedicated sales place",
    ),
    "wf_line": ("{what} {total}: {parts}.", "{what} {total}: {parts}."),
    # Analysis: uncertainty, sensitivity, goal-seeking, wider jobs
    "tab_analysis": ("Analisis", "Analysis"),
    "unc_title": ("Analisis ketidakpastian", "Uncertainty analysis"),
    "unc_intro": (
        "Model dijalankan {draws} kali; setiap kali, nilai setiap asumsi yang tidak pasti diambil "
        "secara acak dari rentangnya (tabel rentang di bawah). Nilai acaknya sama setiap kali "
        "halaman dibuka, sehingga angka ini tidak berubah. Area berarsir: rentang hasil 8 dari 10 "
        "simulasi, hanya untuk tahun proyeksi; garis: nilai tengah (median). Area berarsir "
        "perubahan yang seluruhnya di atas nol berarti kenaikan pada sedikitnya 9 dari 10 "
        "simulasi.",
        "The model is run {draws} times; each time, the uncertain assumptions take random values "
        "within their ranges (the table of ranges below). The random picks are the same every "
        "time the page opens, so these numbers do not change. Band: the range of 8 in 10 "
        "simulations, for the projected years only; line: the middle value (median). A band of "
        "change wholly above zero means a gain in at least 9 of 10 simulations.",
    ),
    "fan_change_title": (
        "Perubahan {what} terhadap skenario dasar",
        "Change in {what} against the baseline",
    ),
    "fan_change_key": (
        "Garis: nilai tengah; area berarsir: 8 dari 10 simulasi; garis putus-putus: skenario "
        "dasar (nol).",
        "Line: middle value; band: 8 in 10 simulations; dashed: the baseline (zero).",
    ),
    "fan_level_key": (
        "Skenario ini sama dengan skenario dasar. Garis: nilai tengah; area berarsir: 8 dari 10 "
        "simulasi.",
        "This scenario is the baseline. Line: middle value; band: 8 in 10 simulations.",
    ),
    "p10": ("Batas bawah (8 dari 10 simulasi)", "Low end (8 in 10 simulations)"),
    "p50": ("Nilai tengah", "Middle value"),
    "p90": ("Batas atas (8 dari 10 simulasi)", "High end (8 in 10 simulations)"),
    "effect_range": (
        "Tambahan {what} {year} terhadap skenario dasar: {low} sampai {high} pada 8 dari 10 "
        "simulasi (nilai tengah {mid}).",
        "The gain in {what} in {year} against the baseline: {low} to {high} in 8 of 10 "
        "simulations (middle value {mid}).",
    ),
    "median_note": (
        "Angka utama ({central}) menggunakan nilai tengah setiap asumsi; nilai tengah simulasi "
        "({median}) berbeda karena dampak tidak naik sebanding dengan asumsinya dan rentangnya "
        "tidak simetris, terutama {param}.",
        "The headline ({central}) takes every assumption at its central value; the middle value "
        "of the simulations ({median}) differs because the effect does not move in proportion "
        "with its assumptions and their ranges are lopsided, above all {param}.",
    ),
    "effect_threshold": ("Ambang tambahan ({unit})", "Gain threshold ({unit})"),
    "chance_effect": (
        "Peluang tambahan {what} {year} melebihi {value}: {p}",
        "Chance that the gain in {what} in {year} exceeds {value}: {p}",
    ),
    "chance_same": (
        "Skenario ini sama dengan skenario dasar sehingga tidak memiliki dampak.",
        "The scenario is the baseline, so it has no effect.",
    ),
    "target_output": ("Indikator", "Indicator"),
    "target_value": ("Nilai target ({unit})", "Target value ({unit})"),
    "target_bad": (
        "“{value}” bukan angka; ketik, misalnya, {example}.",
        "'{value}' is not a number; type e.g. {example}.",
    ),
    "ranges_title": ("Rentang ketidakpastian", "Uncertainty ranges"),
    "r_low": ("Batas bawah", "Low"),
    "r_mode": ("Paling mungkin", "Most likely"),
    "r_high": ("Batas atas", "High"),
    "r_reason": ("Alasan", "Reason"),
    "sens_title": ("Analisis sensitivitas", "Sensitivity analysis"),
    "sens_output": ("Indikator", "Indicator"),
    "tornado_title": (
        "{what} {year}: setiap asumsi pada batas bawah dan batas atasnya",
        "{what} in {year}: each assumption at its low and high",
    ),
    "tornado_effect_title": (
        "Tambahan {what} {year} terhadap skenario dasar: setiap asumsi pada batas bawah dan batas "
        "atasnya",
        "The gain in {what} in {year} against the baseline: each assumption at its low and high",
    ),
    "tornado_subtitle": (
        "Garis hitam: skenario; asumsi lain tetap",
        "Black line: the scenario; the other assumptions held",
    ),
    "tornado_low": ("Batas bawah asumsi", "Assumption low"),
    "tornado_high": ("Batas atas asumsi", "Assumption high"),
    "goal_title": ("Pencarian target", "Goal seeking"),
    "goal_intro": (
        "Pilih target dan satu instrumen kebijakan; alat ini mencari nilai instrumen yang "
        "mencapainya, dengan pengaturan lain tetap.",
        "Choose a target and one policy instrument; the tool finds the value that reaches it, "
        "with the other settings held.",
    ),
    "goal_output": ("Indikator", "Indicator"),
    "goal_year": ("Tahun", "Year"),
    "goal_lever": ("Instrumen kebijakan", "Policy instrument"),
    "goal_run": ("Cari", "Find"),
    "goal_found": (
        "Dengan {lever} sebesar {value}, {what} pada {year} mencapai {reached}.",
        "With {lever} at {value}, {what} in {year} reaches {reached}.",
    ),
    "goal_out": (
        "Target tidak tercapai dalam rentang instrumen ({range}). {what} pada {year} paling "
        "{direction} {closest}, yaitu dengan {lever} sebesar {at}.",
        "Out of reach within the instrument's range ({range}). {what} in {year} gets {direction} "
        "{closest}, at {lever} of {at}.",
    ),
    "goal_most": ("tinggi", "at most"),
    "goal_least": ("rendah", "at least"),
    "goal_apply": ("Terapkan ke skenario", "Apply to the scenario"),
    "jobs_direct": ("Langsung", "Direct"),
    "jobs_indirect": ("Tidak langsung (perkiraan)", "Indirect (estimate)"),
    "jobs_induced": ("Terinduksi (perkiraan)", "Induced (estimate)"),
    "jobs_wider_title": (
        "Tambahan tenaga kerja terhadap skenario dasar",
        "Additional jobs against the baseline",
    ),
    "jobs_wider_sub": (
        "Tenaga kerja tidak langsung (pemasok) dan terinduksi (belanja rumah tangga) merupakan "
        "perkiraan berdasarkan pengganda yang diasumsikan, dan menjadi batas atas apabila "
        "kapasitas terpakai penuh.",
        "Indirect (suppliers) and induced (household spending) are estimates from assumed "
        "multipliers, upper bounds when capacity is full.",
    ),
    # Live levers
    "lever_help": ("Penjelasan: {label}", "About: {label}"),
    # What a screen reader calls a chart's text alternative (Vega would say "text mark").
    "chart_summary_role": ("ringkasan angka", "summary of the numbers"),
    # Names Streamlit and Vega give their own controls in English (ui/names.py).
    "offline_title": (
        "Koneksi ke server terputus; menyambung kembali…",
        "The connection to the server was lost; reconnecting…",
    ),
    "offline_body": (
        "Tidak ada yang hilang: skenario ini tersimpan di tautan halaman. Halaman akan "
        "tersambung sendiri; jika lama, muat ulang halaman ini.",
        "Nothing is lost: this scenario is in the page's link. The page reconnects by itself; "
        "if it takes long, reload this page.",
    ),
    "name_open": ("Tampilkan pilihan", "Open"),
    "name_close": ("Tutup", "Close"),
    "name_sidebar": ("Panel samping", "Sidebar"),
    "name_collapse_sidebar": ("Sembunyikan panel samping", "Collapse sidebar"),
    "name_expand_sidebar": ("Tampilkan panel samping", "Expand sidebar"),
    "name_tabs_right": ("Geser tab ke kanan", "Scroll tabs right"),
    "name_tabs_left": ("Geser tab ke kiri", "Scroll tabs left"),
    "name_main_menu": ("Menu utama", "Main menu"),
    "name_clear_value": ("Kosongkan isian", "Clear value"),
    "name_clear_all": ("Kosongkan semua", "Clear all"),
    "name_chart": ("grafik", "visualization"),
    "name_heading_link": ("Tautan ke judul ini", "Link to heading"),
    # Sidebar
    "levers": ("Instrumen kebijakan", "Policy instruments"),
    "preset": ("Skenario siap pakai", "Preset scenario"),
    "choose_option": ("Pilih salah satu", "Choose an option"),
    "preset_help": (
        "Pilihan skenario akan mengisi seluruh instrumen kebijakan dengan nilainya.",
        "Choosing a preset sets every policy instrument to its values.",
    ),
    "preset_changed": (
        "● Berbeda dari skenario ini pada: {items}.",
        "● Differs from this preset in: {items}.",
    ),
    "reset": ("Kembalikan ke skenario dasar", "Reset to baseline"),
    "advanced": ("Asumsi lanjutan", "Advanced assumptions"),
    "advanced_intro": (
        "Asumsi di balik instrumen kebijakan. Skenario dasar dihitung ulang dengan asumsi yang "
        "sama, sehingga selisih terhadap skenario dasar hanya berasal dari instrumen kebijakan.",
        "The assumptions behind the policy instruments. The baseline is recomputed with the "
        "same assumptions, so the change against the baseline comes from the policy "
        "instruments only.",
    ),
    "group_lever": ("Instrumen kebijakan", "Policy instruments"),
    "group_timing": ("Waktu kebijakan", "Policy timing"),
    "group_capacity": ("Kapasitas dan investasi", "Capacity and investment"),
    "group_demand": ("Permintaan", "Demand"),
    "group_online": ("Penjualan daring dan tempat berjualan", "Online selling and sales places"),
    "group_small": ("Unit skala mikro dan kecil", "Micro and small units"),
    "group_medium": ("Unit skala menengah", "Medium firms"),
    "group_jobs": ("Tenaga kerja", "Jobs"),
    "group_trade": ("Ekspor", "Exports"),
    "group_costs": ("Anggaran pemerintah", "Government budget"),
    "group_regions": ("Wilayah", "Regions"),
    "group_additionality": ("Dampak bersih (adisionalitas)", "Additionality"),
    "exact_values": ("Ketik nilai tepat", "Type exact values"),
    "exact_intro": (
        "Desimal dengan koma (5,6); ribuan boleh dengan titik (1.250).",
        "Decimals with a point (5.6); thousands may use a comma (1,250).",
    ),
    "exact_value": ("{label} ({unit})", "{label} ({unit})"),
    "apply": ("Terapkan", "Apply"),
    "exact_placeholder": ("ketik angka, mis. {example}", "type a number, e.g. {example}"),
    "changed_mark": ("● diubah (skenario dasar {value})", "● changed (baseline {value})"),
    "help_template": (
        "{note}\n\nSkenario dasar: {value}. Rentang: {low} sampai {high}.\n\nJenis: {kind}. "
        "Sumber: {source}",
        "{note}\n\nBaseline: {value}. Range: {low} to {high}.\n\nKind: {kind}. Source: {source}",
    ),
    "kind_published": ("data resmi", "published figure"),
    "kind_derived": ("turunan dari data resmi", "derived from published figures"),
    "kind_assumption": ("asumsi", "assumption"),
    # Validation notices
    "err_not_number": (
        "{label}: “{value}” bukan angka. Nilai tetap {current}.",
        "{label}: '{value}' is not a number. The value stays {current}.",
    ),
    "err_out_of_range": (
        "{label}: {value} di luar rentang {low} sampai {high}. Nilai tetap {current}.",
        "{label}: {value} is outside the range {low} to {high}. The value stays {current}.",
    ),
    "note_decimal_mark": (
        "{label}: “{value}” dibaca sebagai {used} karena koma adalah tanda desimal; jika yang "
        "dimaksud {meant}, ketik “{meant}”.",
        "{label}: '{value}' was read as {used}, as a point is the decimal mark; if you meant "
        "{meant}, type '{meant}'.",
    ),
    "err_not_integer": (
        "{label}: tahun harus bilangan bulat. Nilai tetap {current}.",
        "{label}: the year must be a whole number. The value stays {current}.",
    ),
    "err_shares": (
        "Persentase {regions} ({which}) berjumlah {value}, lebih dari 100%. Turunkan salah "
        "satunya; hasil di bawah menggunakan nilai skenario dasar untuk persentase ini.",
        "The {regions} shares ({which}) add up to {value}, above 100%. Lower one of them; the "
        "results below use the baseline for these shares.",
    ),
    # What a share group of data/parameters.csv splits over the regions: shares_<group>
    "shares_base": ("unit yang ada", "existing units"),
    "shares_new_units": ("unit baru", "new units"),
    "shares_sales_place": ("tempat berjualan", "sales places"),
    # An instance serving as many sessions as it may (ui/capacity.py)
    "full_title": ("Simulator sedang penuh", "The simulator is full right now"),
    "full_text": (
        "Server ini sedang melayani pengguna sebanyak yang dapat dilayaninya dengan cepat. "
        "Coba lagi dalam satu atau dua menit. Tautan Anda tetap berlaku dan akan membuka "
        "skenario yang sama.",
        "This server is serving as many people as it can keep fast. Try again in a minute "
        "or two. Your link stays valid and will open the same scenario.",
    ),
    "full_retry": ("Coba lagi", "Try again"),
    "err_page": (
        "Terjadi kesalahan pada bagian halaman ini; rinciannya tercatat di log server. Muat "
        "ulang halaman atau kembalikan ke skenario dasar.",
        "Something went wrong in this part of the page; the details are in the server log. "
        "Reload the page or reset to the baseline.",
    ),
    # Link notices (a tampered or stale link)
    "link_unknown": (
        "Tautan memuat parameter tak dikenal “{name}”; parameter itu diabaikan.",
        "The link holds an unknown parameter '{name}'; it was ignored.",
    ),
    "link_not_number": (
        "{label}: “{value}” di tautan bukan angka; nilai skenario dasar yang digunakan.",
        "{label}: '{value}' in the link is not a number; the baseline value is used.",
    ),
    "link_empty": (
        "{label}: nilai di tautan kosong; nilai skenario dasar yang digunakan.",
        "{label}: empty value in the link; the baseline value is used.",
    ),
    "link_clamped": (
        "{label}: {value} di tautan di luar rentang {low} sampai {high}; nilai yang digunakan "
        "{used}.",
        "{label}: {value} in the link is outside the range {low} to {high}; {used} is used.",
    ),
    "link_repeated": (
        "{label}: muncul lebih dari sekali di tautan; nilai terakhir ({value}) yang digunakan.",
        "{label}: appears more than once in the link; the last one ({value}) is used.",
    ),
    "link_shares": (
        "Persentase {regions} ({which}) di tautan berjumlah {value}%, lebih dari 100%; "
        "persentase skenario dasar yang digunakan.",
        "The {regions} shares ({which}) in the link add up to {value}%, above 100%; the "
        "baseline shares are used.",
    ),
    "link_bad_lang": (
        "Bahasa “{value}” di tautan tidak tersedia; Bahasa Indonesia yang digunakan.",
        "Language '{value}' in the link is not available; Indonesian is used.",
    ),
    "link_bad_view": (
        "Tampilan “{value}” di tautan tidak dikenal; halaman hasil yang dibuka.",
        "View '{value}' in the link is unknown; the results page is shown.",
    ),
    "link_bad_show": (
        "Pilihan grafik “{value}” di tautan tidak dikenal; selisihnya yang ditampilkan.",
        "Chart choice '{value}' in the link is unknown; the change is shown.",
    ),
    "link_bad_scenario": (
        "Skenario tersimpan “{value}” di tautan tidak terbaca; skenario itu diabaikan.",
        "The saved scenario '{value}' in the link could not be read; it was ignored.",
    ),
    "link_bad_name": (
        "Skenario tersimpan di tautan tidak memiliki nama yang terlihat (tanpa huruf, angka, atau "
        "simbol); skenario itu diabaikan.",
        "A saved scenario in the link has no visible name (no letter, digit or symbol); it was "
        "ignored.",
    ),
    "link_too_many": (
        "Tautan memuat lebih dari {value} skenario tersimpan; sisanya diabaikan.",
        "The link holds more than {value} saved scenarios; the rest were ignored.",
    ),
    "link_as_baseline": (
        "{label}: {value} di tautan terbaca sama dengan nilai skenario dasar; nilai skenario "
        "dasar ({used}) yang digunakan.",
        "{label}: {value} in the link shows the same as the baseline; the baseline ({used}) is "
        "used.",
    ),
    "link_dropped": (
        "Tautan memuat lebih dari {used} entri; {value} entri sisanya tidak dibaca. Pengaturan "
        "yang dikenal tetap digunakan.",
        "The link holds more than {used} entries; the other {value} were not read. The settings "
        "it names are still used.",
    ),
    "link_too_big": (
        "Tautan ini terlalu besar untuk dibaca utuh ({value} entri, {used} karakter; batasnya "
        "1.000 entri). Hanya pengaturan yang dikenal yang digunakan; sisanya diabaikan.",
        "This link is too big to be read whole ({value} entries, {used} characters; the limit is "
        "1,000 entries). Only the settings it names are used; the rest was ignored.",
    ),
    "notices_more": ("… dan {n} pemberitahuan lain.", "… and {n} more notices."),
    "dismiss": ("Tutup pemberitahuan", "Dismiss notices"),
    # Flags: results the model itself questions (simulator/plausibility.py)
    "flag_policy_after_end": (
        "Tahun mulai kebijakan ({year}) berada setelah tahun akhir proyeksi ({limit}), sehingga "
        "instrumen kebijakan tidak berpengaruh pada hasil ini.",
        "The policy start year ({year}) is after the last year shown ({limit}), so the "
        "instruments have no effect on these results.",
    ),
    "flag_segments_clipped": (
        "Asumsi jumlah unit, penjualan rata-rata, dan tenaga kerja tidak saling sesuai (penjualan "
        "unit skala mikro dan kecil melebihi nilai produksi 2016, unit skala menengah melebihi "
        "sisanya, atau tenaga kerja unit skala menengah melebihi jumlah tenaga kerja IKM), "
        "sehingga model membatasinya; periksa asumsi tersebut.",
        "The assumptions on unit counts, average sales and workers do not fit together (micro and "
        "small units exceed 2016 production, medium firms exceed the rest, or medium firms' "
        "workers exceed the IKM count), so the model cut them; check those assumptions.",
    ),
    "flag_capacity_full": (
        "Mulai {year} kapasitas produksi terpakai penuh sehingga permintaan sebesar {value} "
        "tidak terpenuhi; diperlukan tambahan investasi agar seluruh permintaan terpenuhi.",
        "From {year} production capacity is fully used, so {value} of demand goes unmet; "
        "more investment is needed to meet all of it.",
    ),
    "flag_market_stretched": (
        "Pada {year} kebijakan menambah penjualan sebesar {value} dari pasar segmennya "
        "(batas wajar {limit}); makin besar tambahan itu, makin banyak yang diambil dari usaha "
        "lain, sehingga tambahan bersihnya mendekati batas pasar dan makin tidak pasti.",
        "In {year} policy adds sales of {value} of its segment's market (plausible up to "
        "{limit}); the larger the gain, the more of it is taken from other firms, so the net "
        "gain nears the market's limit and grows less certain.",
    ),
    "flag_capacity_part": (
        "Mulai {year} permintaan melampaui kapasitas produksi sebagian usaha (utilisasi "
        "seluruh sektor {pct}), sehingga permintaan sebesar {value} tidak terpenuhi; "
        "diperlukan tambahan investasi agar seluruh permintaan terpenuhi.",
        "From {year} demand exceeds the production capacity of part of the sector (the whole "
        "sector's utilisation is {pct}), so {value} of demand goes unmet; more investment is "
        "needed to meet all of it.",
    ),
    "flag_capacity_part_full": (
        "Mulai {year} permintaan melampaui kapasitas produksi sebagian usaha (utilisasi "
        "seluruh sektor {pct}), sehingga permintaan sebesar {value} tidak terpenuhi; mulai "
        "{full} seluruh kapasitas terpakai penuh. Diperlukan tambahan investasi agar seluruh "
        "permintaan terpenuhi.",
        "From {year} demand exceeds the production capacity of part of the sector (the whole "
        "sector's utilisation is {pct}), so {value} of demand goes unmet; from {full} all "
        "capacity is fully used. More investment is needed to meet all demand.",
    ),
    "flag_capacity_later": (
        "Setelah tahun akhir proyeksi ({end}): mulai {year} permintaan melampaui kapasitas "
        "produksi (pada skenario dasar mulai {base}).",
        "After the last year shown ({end}): from {year} demand exceeds production capacity (in "
        "the baseline from {base}).",
    ),
    "flag_capacity_later_only": (
        "Setelah tahun akhir proyeksi ({end}): mulai {year} permintaan melampaui kapasitas "
        "produksi (pada skenario dasar tidak sebelum {last}).",
        "After the last year shown ({end}): from {year} demand exceeds production capacity (in "
        "the baseline not before {last}).",
    ),
    "flag_exports_above_industry": (
        "Pada {year} ekspor IKM ({value}) melampaui 10% ekspor seluruh industri alas kaki "
        "({limit}), padahal Aprisindo menyebut kontribusi IKM di bawah 10%; angka ini tidak "
        "didukung data.",
        "In {year} IKM exports ({value}) exceed 10 % of the whole footwear industry's ({limit}), "
        "while the industry association puts the IKM share below 10 %; no data supports this "
        "figure.",
    ),
    "flag_production_multiple": (
        "Pada {year} nilai produksi mencapai {value} kali nilai produksi {limit}; tidak ada "
        "data yang mendukung pertumbuhan sebesar itu.",
        "In {year} production reaches {value} times its {limit} level; no published data "
        "supports growth of that size.",
    ),
    "flag_growth_jump": (
        "Pada {year} nilai produksi tumbuh {value} dalam setahun, melebihi pertumbuhan "
        "tahunan tertinggi yang pernah tercatat ({limit}).",
        "In {year} production grows {value} in one year, more than the largest yearly "
        "growth on record ({limit}).",
    ),
    "flag_online_target_late": (
        "Target {value} unit berjualan daring tidak tercapai pada {limit} dengan laju adopsi "
        "tercepat yang pernah teramati; target tercapai pada {year}.",
        "The target of {value} of units selling online cannot be reached by {limit} at the "
        "fastest pace observed; it is reached in {year}.",
    ),
    "flag_online_target_beyond": (
        "Target {value} unit berjualan daring tidak tercapai pada {limit} dengan laju adopsi "
        "tercepat yang pernah teramati, dan baru tercapai setelah tahun akhir proyeksi.",
        "The target of {value} of units selling online cannot be reached by {limit} at the "
        "fastest pace observed, and is reached only after the last year shown.",
    ),
    "flag_online_target_deadweight": (
        "Target {value} unit berjualan daring sudah tercapai dalam skenario dasar ({limit}), "
        "sehingga program tidak menambah apa pun.",
        "The target of {value} of units selling online is reached in the baseline anyway "
        "({limit}), so the programme adds nothing.",
    ),
    # Headline metrics
    "headline": (
        "Hasil {year} dibandingkan dengan skenario dasar",
        "Results in {year} against the baseline",
    ),
    "m_help": (
        "Selisih terhadap skenario dasar pada {year}: {delta}. Skenario dasar: {baseline}.",
        "Change against the baseline in {year}: {delta}. Baseline: {baseline}.",
    ),
    "m_cost": (
        "Anggaran pemerintah {first}–{last} (nilai kini)",
        "Government budget {first}–{last} (present value)",
    ),
    "m_total": ("Jumlah {start}–{end}: {value}", "Total {start}–{end}: {value}"),
    "job_years": ("{v} orang-tahun", "{v} job-years"),
    "m_cost_help": (
        "Anggaran pemerintah untuk program, sebagai tambahan terhadap skenario dasar, selama "
        "sepuluh tahun sejak tahun mulai kebijakan (pendampingan daring, tempat berjualan, "
        "wirausaha baru, dan potongan harga mesin atas investasi), didiskonto ke tahun mulai "
        "dengan tingkat diskonto sosial {rate} per tahun (ADB), atas dasar harga konstan 2016. "
        "Tidak bergantung pada tahun akhir proyeksi.",
        "Government budget for the programmes, on top of the baseline, over the ten years from "
        "the policy start (online onboarding, sales places, new entrepreneurs, and machine "
        "rebates on investment), discounted to the start year at a social discount rate of {rate} "
        "a year (ADB), in constant 2016 prices. It does not depend on the last year shown.",
    ),
    "m_cost_per_job": (
        "{value} untuk setiap tahun kerja bersih tambahan",
        "{value} per net additional job-year",
    ),
    "m_va_per_rupiah": (
        "setiap Rp1 anggaran menghasilkan tambahan nilai tambah Rp{value}",
        "{value} rupiah of value added per rupiah of government budget",
    ),
    "m_no_job_years": (
        "tanpa tambahan tahun kerja bersih",
        "no net job-years gained",
    ),
    "m_no_value_added": (
        "nilai tambah tidak bertambah",
        "value added does not rise",
    ),
    # Sentence read aloud (simulator/report.py); lists follow EYD V
    "s_pair": ("{first} dan {second}", "{first} and {second}"),
    "s_list": ("{items}, dan {last}", "{items} and {last}"),
    "s_baseline": (
        "Dalam skenario dasar, nilai produksi {year} mencapai {production}, sektor ini menyerap "
        "sekitar {jobs} tenaga kerja, dan nilai ekspornya mencapai {exports}.",
        "In the baseline, production in {year} reaches {production}, the sector employs about "
        "{jobs} people, and its exports reach {exports}.",
    ),
    "s_investment": (
        "investasi bruto {value} per tahun",
        "gross investment of {value} a year",
    ),
    # After "Dengan" a noun phrase, not "X dihentikan" (an English absolute construction).
    "s_no_investment": ("penghentian seluruh investasi", "all investment stopped"),
    "s_online": (
        "{value} unit skala mikro dan kecil berjualan daring",
        "{value} of micro and small units selling online",
    ),
    "s_online_by": (
        "{value} unit skala mikro dan kecil berjualan daring pada {year}",
        "{value} of micro and small units selling online by {year}",
    ),
    "s_online_short": (
        "target {value} unit skala mikro dan kecil berjualan daring (yang tercapai hanya "
        "{reached})",
        "a target of {value} of micro and small units selling online (only {reached} reached)",
    ),
    "s_online_by_short": (
        "target {value} unit skala mikro dan kecil berjualan daring pada {year} (yang tercapai "
        "hanya {reached})",
        "a target of {value} of micro and small units selling online by {year} (only {reached} "
        "reached)",
    ),
    # {value} is a count with its noun (FORMATS new_units_one/_other: "1 new IKM unit");
    # "setiap tahun", as the investment beside it already says "per tahun".
    "s_new_units": ("{value} setiap tahun{where}", "{value} a year{where}"),
    "s_in_region": (" di {region}", " in {region}"),
    "s_units_note": (
        "Unit usaha IKM baru: dari {opened} yang dibuka pada {start}–{year}, {working} "
        "berproduksi pada {year} sebagai tambahan terhadap skenario dasar. Sebanyak {deadweight} "
        "tetap akan dibuka tanpa program; dari sisanya, {survival} bertahan melewati tahun-tahun "
        "pertamanya; unit baru berproduksi mulai tahun berikutnya, dan sekitar {attrition} tutup "
        "setiap tahun.",
        "New IKM units: {opened} opened in {start}–{year}; producing in {year} on top of the "
        "baseline: {working}. Of those opened, {deadweight} would have opened without the "
        "programme; of the rest, {survival} survive their first years; a new unit produces from "
        "the next year, and about {attrition} close every year.",
    ),
    "s_units_note_lag": (
        "Unit usaha IKM baru: dari {opened} yang dibuka pada {start}–{year}, {working} "
        "berproduksi pada {year} sebagai tambahan terhadap skenario dasar. Sebanyak {deadweight} "
        "tetap akan dibuka tanpa program; dari sisanya, {survival} bertahan melewati tahun-tahun "
        "pertamanya; unit baru berproduksi mulai tahun berikutnya.",
        "New IKM units: {opened} opened in {start}–{year}; producing in {year} on top of the "
        "baseline: {working}. Of those opened, {deadweight} would have opened without the "
        "programme; of the rest, {survival} survive their first years; a new unit produces from "
        "the next year.",
    ),
    # {value} is a count with its noun (FORMATS place_units_one/_other).
    "s_sales_place": ("{value}", "{value}"),
    "s_generic": ("{label} {value}", "{label} {value}"),
    # "menjadi", not "mencapai": production may fall.
    "s_production": (
        "Dengan {items}, nilai produksi {year} menjadi {production}",
        "With {items}, production in {year} is {production}",
    ),
    "s_production_same": (
        "Dengan {items}, nilai produksi {year} tetap {production}",
        "With {items}, production in {year} stays at {production}",
    ),
    "s_vs_up": (
        ", atau {delta} ({pct}) lebih tinggi daripada skenario dasar",
        ", {delta} ({pct}) above the baseline",
    ),
    "s_vs_down": (
        ", atau {delta} ({pct}) lebih rendah daripada skenario dasar",
        ", {delta} ({pct}) below the baseline",
    ),
    "s_vs_same": (", sama dengan skenario dasar", ", the same as the baseline"),
    "s_jobs_up": (
        ", dan tenaga kerja bertambah sekitar {jobs} orang",
        ", and about {jobs} more people are employed",
    ),
    "s_jobs_down": (
        ", dan tenaga kerja berkurang sekitar {jobs} orang",
        ", and about {jobs} fewer people are employed",
    ),
    "s_cost": (
        "Anggaran pemerintah {first}–{last} bernilai kini {cost} (diskonto {rate} setahun), atau "
        "{per_job} untuk setiap tahun kerja bersih tambahan.",
        "The government budget for {first}–{last} has a present value of {cost} (at {rate} a "
        "year), or about {per_job} per net additional job-year.",
    ),
    "s_cost_only": (
        "Anggaran pemerintah {first}–{last} bernilai kini {cost}, tetapi tidak menambah tahun "
        "kerja bersih.",
        "The government budget for {first}–{last} has a present value of {cost}, but it adds no "
        "net job-years.",
    ),
    "s_ceiling": (
        "Mulai {year} permintaan melampaui kapasitas produksi sehingga diperlukan tambahan "
        "investasi agar seluruh permintaan terpenuhi.",
        "From {year} demand exceeds production capacity, so more investment is needed to meet "
        "all demand.",
    ),
    # Outputs (simulator/outputs.py): short label and table column with its unit
    "out_production_rp_tn": ("Nilai produksi", "Production value"),
    "out_sales_rp_tn": ("Penjualan", "Sales"),
    "out_online_sales_rp_tn": ("Penjualan daring", "Online sales"),
    "out_value_added_rp_tn": ("Nilai tambah", "Value added"),
    "out_jobs": ("Tenaga kerja langsung", "Direct jobs"),
    "out_jobs_indirect": ("Tenaga kerja tidak langsung", "Indirect jobs"),
    "out_jobs_induced": ("Tenaga kerja terinduksi", "Induced jobs"),
    "out_exports_usd_mn": ("Nilai ekspor", "Exports"),
    "out_units": ("Unit usaha IKM", "IKM units"),
    "out_online_units": ("Unit berjualan daring", "Units selling online"),
    "out_capacity_rp_tn": ("Kapasitas produksi", "Production capacity"),
    "out_utilisation_pct": ("Utilisasi kapasitas", "Capacity utilisation"),
    "out_demand_rp_tn": ("Permintaan", "Demand"),
    "out_unmet_demand_rp_tn": ("Permintaan tidak terpenuhi", "Unmet demand"),
    "out_investment_rp_tn": ("Investasi", "Investment"),
    "out_online_share_pct": (
        "Persentase unit yang berjualan daring",
        "Share of units selling online",
    ),
    "out_units_small": ("Unit skala mikro dan kecil", "Micro and small units"),
    "out_units_medium": ("Unit skala menengah", "Medium firms"),
    "out_production_small_rp_tn": (
        "Nilai produksi unit skala mikro dan kecil",
        "Production of micro and small units",
    ),
    "out_production_medium_rp_tn": (
        "Nilai produksi unit skala menengah",
        "Production of medium firms",
    ),
    "out_production_other_rp_tn": (
        "Nilai produksi di luar unit terhitung",
        "Production outside the counted units",
    ),
    "out_jobs_small": ("Tenaga kerja unit skala mikro dan kecil", "Jobs in micro and small units"),
    "out_jobs_medium": ("Tenaga kerja unit skala menengah", "Jobs in medium firms"),
    "out_programme_cost_rp_tn": (
        "Anggaran pemerintah untuk program",
        "Government budget for programmes",
    ),
    "col_production_rp_tn": ("Nilai produksi (Rp triliun)", "Production (Rp trillion)"),
    "col_sales_rp_tn": ("Penjualan (Rp triliun)", "Sales (Rp trillion)"),
    "col_online_sales_rp_tn": ("Penjualan daring (Rp triliun)", "Online sales (Rp trillion)"),
    "col_value_added_rp_tn": ("Nilai tambah (Rp triliun)", "Value added (Rp trillion)"),
    "col_jobs": ("Tenaga kerja langsung (orang)", "Direct jobs (persons)"),
    "col_jobs_indirect": (
        "Tambahan tenaga kerja tidak langsung, perkiraan (orang)",
        "Additional indirect jobs, estimate (persons)",
    ),
    "col_jobs_induced": (
        "Tambahan tenaga kerja terinduksi, perkiraan (orang)",
        "Additional induced jobs, estimate (persons)",
    ),
    "col_exports_usd_mn": ("Nilai ekspor (USD juta)", "Exports (USD million)"),
    "col_units": ("Unit usaha IKM", "IKM units"),
    "col_online_units": ("Unit berjualan daring", "Units selling online"),
    "col_capacity_rp_tn": ("Kapasitas produksi (Rp triliun)", "Capacity (Rp trillion)"),
    "col_utilisation_pct": ("Utilisasi kapasitas (%)", "Capacity utilisation (%)"),
    "col_demand_rp_tn": ("Permintaan (Rp triliun)", "Demand (Rp trillion)"),
    "col_unmet_demand_rp_tn": (
        "Permintaan tidak terpenuhi (Rp triliun)",
        "Unmet demand (Rp trillion)",
    ),
    "col_investment_rp_tn": ("Investasi (Rp triliun)", "Investment (Rp trillion)"),
    "col_online_share_pct": ("Unit berjualan daring (%)", "Units selling online (%)"),
    "col_units_small": ("Unit skala mikro dan kecil", "Micro and small units"),
    "col_units_medium": ("Unit skala menengah", "Medium firms"),
    "col_production_small_rp_tn": (
        "Nilai produksi unit skala mikro dan kecil (Rp triliun)",
        "Production of micro and small units (Rp trillion)",
    ),
    "col_production_medium_rp_tn": (
        "Nilai produksi unit skala menengah (Rp triliun)",
        "Production of medium firms (Rp trillion)",
    ),
    "col_production_other_rp_tn": (
        "Nilai produksi di luar unit terhitung (Rp triliun)",
        "Production outside the counted units (Rp trillion)",
    ),
    "col_jobs_small": (
        "Tenaga kerja unit skala mikro dan kecil (orang)",
        "Jobs in micro and small units (persons)",
    ),
    "col_jobs_medium": (
        "Tenaga kerja unit skala menengah (orang)",
        "Jobs in medium firms (persons)",
    ),
    "col_programme_cost_rp_tn": (
        "Anggaran pemerintah (Rp triliun)",
        "Government budget (Rp trillion)",
    ),
    "col_basis": ("Data atau proyeksi", "Data or projection"),
    "basis_observed": ("data", "data"),
    "basis_projection": ("proyeksi", "projection"),
    # Charts
    "series_scenario": ("Skenario", "Scenario"),
    "series_baseline": ("Skenario dasar", "Baseline"),
    # A line chart's key, from what that chart draws (charts.line_key).
    "key_lines": (
        "Garis: hasil model (garis putus-putus: skenario dasar)",
        "Lines: the model (dashed: baseline)",
    ),
    "key_observed": ("titik hitam: data resmi", "black dots: published data"),
    "key_part": (
        "lingkaran kosong: data resmi yang hanya mencakup sebagian ({parts})",
        "open circles: published data for a part only ({parts})",
    ),
    "key_projection": ("◇: proyeksi Kemenperin", "◇: Kemenperin's projection"),
    "key_prices": ("Atas dasar harga konstan 2016.", "Constant 2016 prices."),
    "key_change": (
        "Selisih skenario terhadap skenario dasar (garis putus-putus di nol).",
        "The scenario's change against the baseline (dashed line at zero).",
    ),
    "key_change_pct": (
        "Selisih skenario terhadap skenario dasar, dalam persen skenario dasar (garis "
        "putus-putus di nol).",
        "The scenario's change against the baseline, in percent of the baseline (dashed "
        "line at zero).",
    ),
    "part_jobs_small": ("tenaga kerja unit skala mikro dan kecil", "jobs in micro and small units"),
    "part_units_small": ("unit skala mikro dan kecil", "micro and small units"),
    "part_units_medium": ("unit skala menengah", "medium firms"),
    "data_band": ("data", "data"),
    "published_production_rp_tn": ("Data resmi", "Published data"),
    "published_jobs": ("Data resmi", "Published data"),
    "published_jobs_small": (
        "Data resmi: tenaga kerja unit skala mikro dan kecil",
        "Published: jobs in micro and small units",
    ),
    "published_units": ("Data resmi", "Published data"),
    "published_units_small": (
        "Data resmi: unit skala mikro dan kecil",
        "Published: micro and small units",
    ),
    "published_units_medium": ("Data resmi: unit skala menengah", "Published: medium firms"),
    "published_projection": (
        "Proyeksi Kemenperin (dideflasi ke harga 2016)",
        "Kemenperin projection (deflated to 2016 prices)",
    ),
    "axis_year": ("Tahun", "Year"),
    "axis_rp_tn": ("Rp triliun", "Rp trillion"),
    "axis_usd_mn": ("USD juta", "USD million"),
    "axis_persons": ("orang", "persons"),
    "axis_units": ("unit", "units"),
    "axis_percent": ("%", "%"),
    # What the line charts draw (the view's switch; ``show`` in the link).
    "show_label": ("Grafik menampilkan", "Charts show"),
    "show_change": ("Selisih", "Change"),
    "show_percent": ("Selisih (%)", "Change (%)"),
    "show_level": ("Nilai", "Levels"),
    "view_failed": (
        "Grafik tidak dapat dimuat. Muat ulang halaman.",
        "The chart could not be drawn. Please reload the page.",
    ),
    "tooltip_value": ("Nilai", "Value"),
    "tooltip_change": ("Selisih terhadap skenario dasar", "Change against baseline"),
    "tooltip_series": ("Seri", "Series"),
    "tooltip_region": ("Wilayah", "Region"),
    "chart_sales_split": (
        "Penjualan luring dan daring terhadap kapasitas",
        "Offline and online sales against capacity",
    ),
    "chart_sales_split_sub": (
        "Skenario. Apabila permintaan melebihi garis kapasitas, sisanya tidak terpenuhi.",
        "Scenario. Where demand passes the capacity line, the rest goes unmet.",
    ),
    "sales_offline": ("Penjualan luring", "Offline sales"),
    "sales_online": ("Penjualan daring", "Online sales"),
    "sales_unmet": ("Permintaan tidak terpenuhi", "Unmet demand"),
    "capacity_line": ("Kapasitas produksi", "Production capacity"),
    "policy_start_mark": ("Awal kebijakan", "Policy starts"),
    "chart_regions_sub": (
        "Per wilayah, {year}",
        "By region, {year}",
    ),
    "chart_alt": (
        "{title}: skenario {last_s} dan skenario dasar {last_b} pada {year}; selisih {change}.",
        "{title}: scenario {last_s} and baseline {last_b} in {year}; change {change}.",
    ),
    "alt_sales": (
        "Penjualan {year}: luring {offline}, daring {online}; kapasitas {capacity}; permintaan "
        "tidak terpenuhi {unmet}.",
        "Sales in {year}: offline {offline}, online {online}; capacity {capacity}; unmet "
        "demand {unmet}.",
    ),
    "alt_fan": (
        "{title} {year}: nilai tengah {p50}; 8 dari 10 simulasi antara {p10} dan {p90}.",
        "{title} in {year}: middle value {p50}, 8 in 10 simulations between {p10} and {p90}.",
    ),
    # Results table
    "table_title": ("Hasil per tahun", "Results by year"),
    "table_group": ("Indikator", "Indicators"),
    "table_group_money": ("Produksi, penjualan, ekspor", "Production, sales, exports"),
    "table_group_jobs": ("Tenaga kerja", "Jobs"),
    "table_group_units": ("Unit usaha", "Units"),
    "table_group_capacity": ("Kapasitas dan anggaran", "Capacity and budget"),
    "table_caption": (
        "Skenario; angka dalam kurung adalah selisih terhadap skenario dasar.",
        "Scenario; figures in brackets are the change against the baseline.",
    ),
    "col_year": ("Tahun", "Year"),
    "col_region": ("Wilayah", "Region"),
    # Methodology page: computed tables (simulator/methodology.py)
    "rec_title": (
        "Rekonsiliasi: skenario dasar dibandingkan dengan data resmi",
        "Reconciliation: the baseline against the published figures",
    ),
    "rec_caption": (
        "Setiap data resmi untuk indikator model beserta penggunaannya: “kalibrasi” berarti model "
        "dikalibrasi pada angka itu; “masukan” berarti angka itu membentuk model; “cakupan lain” "
        "berarti angka itu mencakup populasi lain (seluruh KBLI 15, unit mikro rumah tangga, atau "
        "daftar usaha yang lebih sempit) dan hanya digunakan untuk uji balik di bawah. Nilai uang "
        "atas dasar harga konstan 2016. Sumber dan alamat setiap angka tercantum pada tabel "
        "“Sumber data historis” di bawah.",
        "Every published figure for the model's indicators with how it is used: “calibration” "
        "means the model is calibrated to it; “input” means the model is built from it; “other "
        "coverage” means it counts another population (all of KBLI 15, micro household units, or "
        "a narrower register) and is used only in the back-test below. Money in constant 2016 "
        "prices. The source and address of every figure are in the table “Sources of the "
        "published figures” below.",
    ),
    "coverage_model": ("kalibrasi", "calibration"),
    "coverage_input": ("masukan", "input"),
    "coverage_partial": ("sebagian tahun", "part of a year"),
    "coverage_context": ("cakupan lain", "other coverage"),
    "rec_output": ("Indikator", "Indicator"),
    "rec_model": ("Model", "Model"),
    "rec_published": ("Data resmi", "Published"),
    "rec_source": ("Sumber", "Source"),
    "rec_use": ("Penggunaan", "Use"),
    # The sources of the published figures, with their addresses (methodology page)
    "src_title": ("Sumber data historis", "Sources of the published figures"),
    "src_caption": (
        "Setiap angka resmi yang digunakan atau ditampilkan simulator, dengan sumbernya "
        "(instansi penerbit lebih dahulu, lalu media yang memuatnya) dan alamatnya. Nilai "
        "seperti yang dipublikasikan, sebelum diolah.",
        "Every published figure the simulator uses or shows, with its source (the issuing "
        "agency first, then the news site that carried it) and its address. Values as "
        "published, before processing.",
    ),
    "src_figure": ("Angka", "Figure"),
    "src_value": ("Nilai", "Value"),
    "src_address": ("Alamat", "Address"),
    "hq_production_rp_tn": (
        "Nilai produksi IKM alas kaki (harga berlaku)",
        "Production of footwear IKM (current prices)",
    ),
    "hq_investment_rp_tn": (
        "Penambahan investasi IKM alas kaki (harga berlaku)",
        "Added investment in footwear IKM (current prices)",
    ),
    "hq_units": ("Unit usaha IKM alas kaki", "Footwear IKM units"),
    "hq_jobs": ("Tenaga kerja IKM alas kaki", "Footwear IKM workers"),
    "hq_kbli15_real_growth_pct": ("Pertumbuhan riil PDB KBLI 15", "Real growth of KBLI 15 GDP"),
    "hq_value_added_kbli15_rp_tn": (
        "Nilai tambah KBLI 15 (harga berlaku)",
        "Value added of KBLI 15 (current prices)",
    ),
    "hq_cpi_inflation_pct": (
        "Inflasi IHK (Desember terhadap Desember)",
        "Consumer price inflation (Dec. to Dec.)",
    ),
    "hq_units_small": ("Unit usaha skala mikro dan kecil", "Micro and small units"),
    "hq_units_medium": ("Unit usaha skala menengah", "Medium firms"),
    "hq_units_large": ("Unit usaha skala besar", "Large firms"),
    "hq_units_medium_large": (
        "Unit usaha skala menengah dan besar",
        "Medium and large firms",
    ),
    "hq_jobs_small": (
        "Tenaga kerja unit usaha skala mikro dan kecil",
        "Workers of micro and small units",
    ),
    "hq_jobs_kbli15_medium_large": (
        "Tenaga kerja industri menengah dan besar KBLI 15",
        "Workers of KBLI 15 medium and large firms",
    ),
    "hq_jobs_industry": (
        "Tenaga kerja seluruh industri alas kaki",
        "Workers of the whole footwear industry",
    ),
    "hq_utilisation_pct": (
        "Utilisasi kapasitas industri kulit dan alas kaki",
        "Capacity utilisation of leather and footwear",
    ),
    "hq_exports_industry_usd_mn": (
        "Ekspor seluruh industri alas kaki",
        "Exports of the whole footwear industry",
    ),
    "hq_us_cpi_index": (
        "Indeks harga konsumen Amerika Serikat (CPI-U)",
        "US consumer price index (CPI-U)",
    ),
    "hq_online_share_pct": (
        "Persentase usaha yang berjualan daring",
        "Share of businesses selling online",
    ),
    "hq_online_prefer_offline_pct": (
        "Persentase usaha luring yang memilih berjualan langsung",
        "Offline businesses preferring face-to-face selling",
    ),
    "hq_online_domestic_delivery_pct": (
        "Persentase transaksi daring yang dikirim di dalam negeri",
        "Share of online transactions delivered within Indonesia",
    ),
    "hq_icor_national": ("ICOR nasional", "National ICOR"),
    "rec_derived": (
        "Turunan dari pertumbuhan riil KBLI 15 (BPS)",
        "Derived from the real growth of KBLI 15 (BPS)",
    ),
    "d_title": ("Nilai turunan kalibrasi", "Derived values of the calibration"),
    "d_caption": (
        "Dihitung dari parameter skenario saat ini; berubah apabila asumsi diubah.",
        "Computed from the current scenario's parameters; they change with the assumptions.",
    ),
    "d_name": ("Nilai", "Value"),
    "d_value": ("Angka", "Figure"),
    "d_basis": ("Dasar perhitungan", "Basis"),
    "d_units_count": ("Unit skala mikro dan kecil 2017", "Micro and small units 2017"),
    "d_units_count_basis": (
        "Jumlah IKM alas kaki menurut Kemenperin (32.562 unit, dipublikasikan Februari 2018) "
        "dikurangi unit skala menengah; setelah itu jumlah unit mengikuti permintaan segmennya.",
        "The ministry's count of footwear IKM (32,562 units, published February 2018) less the "
        "medium firms; after it the number of units follows the segment's demand.",
    ),
    "d_small_share": (
        "Kontribusi unit skala mikro dan kecil terhadap nilai produksi 2016",
        "Micro and small units' share of 2016 production",
    ),
    "d_small_share_basis": (
        "Jumlah unit 2016 × penjualan rata-rata × 12, dibagi nilai produksi 2016.",
        "Units in 2016 × average sales × 12, over 2016 production.",
    ),
    "d_medium_2016": ("Nilai produksi unit skala menengah 2016", "Medium firms' production 2016"),
    "d_medium_2016_basis": (
        "Tenaga kerja unit skala menengah × output per tenaga kerja (sumber terdekat yang "
        "dipublikasikan), bukan sisa.",
        "Medium firms' workers × output per worker (nearest published source), not a residual.",
    ),
    "d_other_2016": (
        "Nilai produksi 2016 yang tidak dijelaskan unit terhitung",
        "2016 production the counted units do not explain",
    ),
    "d_other_2016_basis": (
        "Rp22,98 triliun dikurangi nilai produksi unit skala mikro dan kecil serta unit skala "
        "menengah; tanpa tenaga kerja terhitung, tumbuh seperti unit skala menengah.",
        "Rp 22.98 trillion less micro and small units and medium firms; no counted workers, it "
        "follows the sector as medium firms do.",
    ),
    "d_workers_per_unit": (
        "Tenaga kerja per unit skala mikro dan kecil",
        "Workers per micro or small unit",
    ),
    "d_workers_per_unit_basis": (
        "Tenaga kerja IKM 2017 (113.907) dikurangi tenaga kerja unit skala menengah, dibagi "
        "jumlah unit skala mikro dan kecil 2017.",
        "IKM workers in 2017 (113,907) less the medium firms' workers, over micro and small units "
        "in 2017.",
    ),
    "d_capital_per_rp": (
        "Investasi per rupiah tambahan kapasitas unit skala menengah",
        "Investment per rupiah of added capacity of medium firms",
    ),
    "d_capital_per_rp_basis": (
        "Dikalibrasi agar utilisasi 2019 sama dengan 80,18% (basis output bruto, harga konstan).",
        "Calibrated so that 2019 utilisation is 80.18 % (gross output basis, constant prices).",
    ),
    "d_value_range": ("{value} ({range})", "{value} ({range})"),
    "d_icor": (
        "Investasi per rupiah tambahan nilai tambah, marginal",
        "Investment per rupiah of added value added, marginal",
    ),
    "d_icor_basis": (
        "Modal per rupiah kapasitas dibagi utilisasi normal dan rasio nilai tambah: biaya satu "
        "rupiah kapasitas baru (bersih dari penyusutan); rentang untuk penyusutan dan rasio "
        "nilai tambah dalam rentang ketidakpastiannya.",
        "Capital per rupiah of capacity over normal utilisation and the value added ratio: "
        "what one more rupiah of capacity costs (net of attrition); range over attrition and "
        "the value added ratio within their uncertainty ranges.",
    ),
    "d_icor_gross": (
        "Setara ICOR bruto (basis BPS)",
        "Gross ICOR analogue (BPS basis)",
    ),
    "d_icor_gross_basis": (
        "Seluruh investasi bruto unit skala menengah dan sisa dibagi kenaikan tahunan nilai "
        "tambahnya, 2016–2019 (termasuk penggantian kapasitas yang aus); ICOR nasional 6,7–6,9 "
        "(BPS, 2016–2019, basis yang sama).",
        "All gross investment of medium firms and the rest over the yearly rise of their value "
        "added, 2016–2019 (replacement of worn capacity included); national ICOR 6.7–6.9 (BPS, "
        "2016–2019, the same basis).",
    ),
    "d_invest_share": (
        "Persentase investasi untuk unit skala mikro dan kecil",
        "Share of investment going to micro and small units",
    ),
    "d_invest_share_basis": (
        "Modal yang dibutuhkan pertambahan unit 2016–2017 dan unit pengganti, dibagi investasi "
        "2016.",
        "The capital the units added in 2016–2017 and the replaced units need, over 2016 "
        "investment.",
    ),
    "d_online_rate": (
        "Laju kurva difusi daring (per tahun)",
        "Rate of the online diffusion curve (a year)",
    ),
    "d_online_rate_basis": (
        "Kurva logistik yang diestimasi dengan metode kuadrat terkecil terhadap persentase usaha "
        "yang berjualan daring 2017–2023.",
        "Least-squares logistic through the published online shares 2017–2023.",
    ),
    "d_online_target": (
        "Persentase unit yang berjualan daring dalam skenario dasar pada {year}",
        "Baseline share online in {year}",
    ),
    "d_online_target_basis": (
        "Kurva difusi pada tahun target; target di bawahnya tidak berdampak.",
        "The diffusion curve in the target year; a target below it has no effect.",
    ),
    "route_title": (
        "Biaya per tahun kerja bersih tambahan menurut instrumen",
        "Cost per net additional job-year by instrument",
    ),
    "route_caption": (
        "Setiap instrumen secara terpisah, sebesar nilainya dalam skenario siap pakai, dengan "
        "asumsi skenario saat ini: nilai kini selama sepuluh tahun sejak tahun mulai kebijakan, "
        "didiskonto dengan tingkat diskonto sosial, bersih dari deadweight, pengalihan, unit yang "
        "tutup, dan peserta yang tidak berjualan daring.",
        "Each instrument alone, at its preset's size, on the current scenario's assumptions: "
        "present values over the ten years from the policy start at the social discount rate, net "
        "of deadweight, displacement, units that close and trainees who do not sell online.",
    ),
    "route": ("Instrumen", "Instrument"),
    "route_cost": ("Anggaran pemerintah (nilai kini)", "Government budget (present value)"),
    "route_job_years": ("Tahun kerja bersih (nilai kini)", "Net job-years (present value)"),
    "route_public_net": (
        "Anggaran pemerintah per tahun kerja bersih",
        "Government budget per net job-year",
    ),
    "route_va": ("Nilai tambah per rupiah anggaran", "Value added per rupiah of budget"),
    "route_small": (
        "1.250 unit usaha baru per tahun (program WUB)",
        "1,250 new units a year (WUB programme)",
    ),
    "route_medium": (
        "Investasi Rp5,6 triliun per tahun (potongan harga mesin)",
        "Investment of Rp 5.6 trillion a year (machine rebates)",
    ),
    "route_online": (
        "75% unit berjualan daring pada 2030 (e-Smart IKM)",
        "75% of units online by 2030 (e-Smart IKM)",
    ),
    "route_place": (
        "2.000 unit yang mendapat tempat berjualan khusus",
        "2,000 units with a dedicated sales place",
    ),
    "ho_title": (
        "Uji balik: data jumlah yang tidak digunakan untuk kalibrasi",
        "Back-test: counts kept out of calibration",
    ),
    "ho_caption": (
        "Model dikalibrasi hanya pada jumlah IKM alas kaki 2017. Data jumlah setelahnya memiliki "
        "cakupan lain (KBLI 15, unit mikro rumah tangga), sehingga setiap angka dibaca sebagai "
        "rentang untuk cakupan model; hasil lolos apabila berada dalam rentang itu atau paling "
        "jauh 10% dari batas terdekatnya.",
        "The model is calibrated on the 2017 count of footwear IKM alone. Later counts have other "
        "coverages (KBLI 15, micro household units), so each is read as a range for the model's "
        "coverage; a result passes inside that range or at most 10 % from its nearer end.",
    ),
    "ho_range": ("Rentang data resmi", "Published range"),
    "ho_basis": ("Cara membaca", "Reading"),
    "ho_result": ("Hasil", "Result"),
    "ho_within": ("dalam rentang", "within the range"),
    "ho_near": ("di luar rentang ({pct}), dalam toleransi 10%", "outside ({pct}), within 10 %"),
    "ho_outside": ("di luar rentang ({pct})", "outside the range ({pct})"),
    "ho_units_small": (
        "53.333 unit usaha kecil KBLI 15 (BPS, 2025) × 49% (kontribusi alas kaki) sampai dengan "
        "60.760 unit skala mikro dan kecil alas kaki (Kemenperin, 2024)",
        "53,333 KBLI 15 small units (BPS, 2025) × footwear's 49 % up to 60,760 micro and small "
        "footwear units (Kemenperin, 2024)",
    ),
    "ho_units_medium": (
        "750 unit usaha skala menengah dan besar (2024) dengan komposisi 2018 (441 dari 596) "
        "sampai dengan 750 dikurangi 155 unit skala besar",
        "750 medium and large firms (2024) at the 2018 mix (441 of 596) up to 750 less the 155 "
        "large firms",
    ),
    "ho_jobs_small": (
        "tenaga kerja usaha kecil KBLI 15 (BPS) × 51% (kontribusi alas kaki) sampai dengan "
        "seluruhnya",
        "KBLI 15 small firms' workers (BPS) × footwear's 51 % up to all of them",
    ),
    "bt_title": ("Uji balik sejak 2016", "Back-test from 2016"),
    "bt_caption": (
        "Proyeksi model dari tingkat 2016 saja dibandingkan dengan data. Tren yang digunakan "
        "model (2,56% per tahun) adalah rata-rata 2016–2023 sehingga titik akhirnya tepat sama "
        "dengan data; pertumbuhan yang diproyeksikan Kemenperin pada Januari 2017 adalah +5,53% "
        "nominal, sekitar +1,85% riil. Keduanya tidak menangkap pertumbuhan tinggi 2018 dan "
        "kontraksi 2020: model memproyeksikan tren, bukan guncangan.",
        "The model's projection from the 2016 level alone against the data. Today's trend (2.56 % "
        "a year) is the 2016–2023 average, so its end point fits by construction; the growth in "
        "view in January 2017 is Kemenperin's projection (+5.53 % nominal, about +1.85 % real). "
        "Neither catches 2018's jump or 2020's fall: the model projects trends, not shocks.",
    ),
    "bt_observed": ("Data", "Data"),
    "bt_trend": (
        "Proyeksi dari 2016 dengan tren model (selisih)",
        "From 2016, today's trend (error)",
    ),
    "bt_in_view": (
        "Proyeksi dari 2016 dengan proyeksi Kemenperin 2017 (selisih)",
        "From 2016, with Kemenperin's 2017 projection (error)",
    ),
    # Briefing and exports (simulator/exports.py)
    "brief_custom": ("Skenario kustom", "Custom scenario"),
    "brief_scenario": ("Skenario: {name}", "Scenario: {name}"),
    "brief_setting": (
        "{label}: {value} (skenario dasar {base})",
        "{label}: {value} (baseline {base})",
    ),
    "brief_differs": ("Berbeda dari skenario dasar:", "Differs from the baseline:"),
    "brief_link": ("Tautan: {link}", "Link: {link}"),
    "brief_link_cut": (
        "Tautan (lengkap dengan kode QR di halaman terakhir): {link}",
        "Link (in full, with a QR code, on the last page): {link}",
    ),
    "brief_prepared": ("Disiapkan oleh {name}", "Prepared by {name}"),
    "brief_notes": ("Catatan", "Notes"),
    "brief_flags": ("Peringatan model", "Model warnings"),
    "brief_effects": (
        "Rentang dampak pada {year} (analisis ketidakpastian)",
        "Range of the effects in {year} (uncertainty analysis)",
    ),
    "brief_col_change": ("Perubahan pada skenario ini", "Change in this scenario"),
    "brief_col_range": ("Rentang (80% simulasi)", "Range (80% of simulations)"),
    "brief_range": ("{low} sampai {high}", "{low} to {high}"),
    "brief_effects_note": (
        "Perubahan terhadap skenario dasar dengan asumsi yang sama. Model dijalankan {draws} "
        "kali; setiap kali, nilai setiap asumsi yang tidak pasti diambil secara acak dari "
        "rentangnya (nilai acaknya tetap, sehingga angkanya sama setiap kali dibuat). Rentang di "
        "atas memuat hasil 8 dari 10 simulasi itu.",
        "Change against the baseline on the same assumptions. The model is run {draws} times, "
        "each time with random values for the uncertain assumptions (within their ranges; the "
        "random picks are fixed, so the numbers are the same every time); the range above holds 8 "
        "in 10 of those simulations.",
    ),
    "brief_levels": (
        "Rentang proyeksi pada {year} (analisis ketidakpastian)",
        "Range of the projection in {year} (uncertainty analysis)",
    ),
    "brief_col_value": ("Nilai pada skenario ini", "Value in this scenario"),
    "brief_levels_note": (
        "Skenario ini sama dengan skenario dasar sehingga rentang di atas menunjukkan "
        "ketidakpastian nilai indikator itu sendiri. Model dijalankan {draws} kali; setiap kali, "
        "nilai setiap asumsi yang tidak pasti diambil secara acak dari rentangnya (nilai acaknya "
        "tetap, sehingga angkanya sama setiap kali dibuat). Rentang di atas memuat hasil 8 dari "
        "10 simulasi itu.",
        "This scenario is the baseline, so the range above shows the uncertainty of the "
        "indicators' own values. The model is run {draws} times, each time with random values for "
        "the uncertain assumptions (within their ranges; the random picks are fixed, so the "
        "numbers are the same every time); the range above holds 8 in 10 of those simulations.",
    ),
    "brief_money": ("Anggaran pemerintah", "Government budget"),
    "brief_cost": (
        "Anggaran pemerintah {first}–{last}, nilai kini dengan diskonto {rate} per tahun: {cost}",
        "Government budget {first}–{last}, present value at {rate} a year: {cost}",
    ),
    "brief_no_cost": (
        "Skenario ini tidak memerlukan anggaran pemerintah di luar skenario dasar.",
        "This scenario needs no government budget beyond the baseline.",
    ),
    "brief_setting_col": ("Pengaturan", "Setting"),
    "brief_caveat_title": ("Catatan data", "Data caveats"),
    "brief_caveat": (
        "Angka {first}–{last} merupakan data resmi Kemenperin dan BPS; angka tahun berikutnya "
        "merupakan proyeksi tren, bukan prediksi. Model dikalibrasi pada jumlah IKM alas kaki "
        "menurut Kemenperin tahun 2017 ({units}). Dengan rata-rata penjualannya, unit skala mikro "
        "dan kecil hanya menyumbang sekitar {share} nilai produksi 2016 ({production}) dan unit "
        "skala menengah sekitar {medium}; sisanya tidak dijelaskan oleh jumlah unit tersebut "
        "(tanpa tenaga kerja). Tenaga kerja mencakup pemilik dan pekerja keluarga. Rentang dampak "
        "hanya mencakup asumsi yang diberi rentang.",
        "{first}–{last} are published figures of Kemenperin and BPS; later years are trend "
        "projections, not forecasts. The model is calibrated to the ministry's 2017 count of "
        "footwear IKM ({units}). At their average sales, micro and small units make only about "
        "{share} of 2016 production ({production}) and medium firms about {medium}; the rest is "
        "not explained by that count (no workers). Jobs include owners and family workers. The "
        "range of the effects covers only the assumptions given a range.",
    ),
    "brief_sources_title": ("Sumber", "Sources"),
    "brief_sources": (
        "Sumber data: Kementerian Perindustrian (Kemenperin), siaran pers dan pernyataan "
        "{first}–{last}; Badan Pusat Statistik (BPS), PDB menurut lapangan usaha (KBLI 15), "
        "Indeks Harga Konsumen, dan Statistik eCommerce; diolah. Sebagian angka diakses melalui "
        "media yang memuat siaran pers tersebut. Sumber dan alamat setiap angka resmi tercantum "
        "pada tabel “Sumber data historis”, dan sumber setiap asumsi pada tabel parameter, di "
        "halaman Metodologi.",
        "Data sources: Ministry of Industry (Kemenperin), press releases and statements "
        "{first}–{last}; Statistics Indonesia (BPS), GDP by industry (KBLI 15), the Consumer "
        "Price Index and Statistik eCommerce; processed. Some figures were read in the news sites "
        "that carried those releases. The source and address of every published figure are in the "
        "table “Sources of the published figures”, and the source of every assumption in the "
        "parameter table, on the Methodology page.",
    ),
    "brief_qr": (
        "Pindai kode QR dengan ponsel atau klik tautan untuk membuka skenario ini, dengan semua "
        "pengaturannya, di simulator.",
        "Scan the QR code with a phone or click the link to reopen this scenario, with all its "
        "settings, in the simulator.",
    ),
    "brief_qr_too_long": (
        "Tautan ini terlalu panjang untuk kode QR; gunakan tautan di atas.",
        "This link is too long for a QR code; use the link above.",
    ),
    "brief_page": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "xl_unit_year": ("tahun", "year"),
    "xl_unit_index": ("indeks", "index"),
    "xl_unit_ratio": ("rasio", "ratio"),
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
    "p_baseline": ("Skenario dasar", "Baseline"),
    "p_range": ("Rentang", "Range"),
    "p_kind": ("Jenis", "Kind"),
    "p_source": ("Sumber", "Source"),
    "p_note": ("Catatan", "Note"),
    "p_unit": ("Satuan", "Unit"),
    # Exports
    "sheet_years": ("Hasil per tahun", "Results by year"),
    "sheet_regions": ("Wilayah", "Regions"),
    "sheet_params": ("Parameter", "Parameters"),
    "sheet_about": ("Tentang skenario ini", "About this scenario"),
    "xl_warnings": ("Peringatan model:", "The model's warnings:"),
    "pdf_title": ("Ringkasan skenario IKM alas kaki", "Footwear IKM scenario briefing"),
    "pdf_date": ("dibuat", "made"),
    "pdf_settings": (
        "Pengaturan dibandingkan dengan skenario dasar",
        "Settings against the baseline",
    ),
    "pdf_no_change": (
        "Semua pengaturan sama dengan skenario dasar.",
        "All settings are the baseline.",
    ),
    "pdf_assumptions": ("Asumsi utama", "Main assumptions"),
    # One main assumption: its value, then its source as a sentence of its own.
    "brief_assumption": ("{label}: {value}. {source}", "{label}: {value}. {source}"),
    "pdf_link": ("Tautan skenario", "Scenario link"),
    # The interactive briefing: one HTML file whose instruments still move offline
    "dl_html": ("Ringkasan interaktif (HTML)", "Interactive briefing (HTML)"),
    "html_offline": (
        "Berkas ini dapat dibuka tanpa internet, dan instrumennya tetap dapat digeser.",
        "This file opens without the internet, and its instruments still move.",
    ),
    "html_lang": ("Bahasa", "Language"),
    "html_levers_intro": (
        "Setiap instrumen dapat digeser sendiri-sendiri; instrumen lain tetap pada nilai "
        "skenario ini. Gabungan dua instrumen yang digeser hanya dapat dihitung di aplikasi.",
        "Each instrument moves on its own, with the others at this scenario's values. Two "
        "moved instruments together can only be worked out in the app.",
    ),
    "html_one_lever": (
        "{label} kembali ke nilai skenario ini: gabungan dua instrumen yang digeser hanya "
        "dapat dihitung di aplikasi.",
        "{label} went back to this scenario's value: two moved instruments together can only "
        "be worked out in the app.",
    ),
    "html_moved": (
        "{label}: {value} (skenario ini: {saved}). Rentang dampak dan pengaturan di bawah "
        "tetap untuk skenario ini.",
        "{label}: {value} (this scenario: {saved}). The range of the effects and the settings "
        "below stay those of this scenario.",
    ),
    "html_back": ("Kembali ke skenario ini", "Back to this scenario"),
    "html_texts_saved": (
        "Kalimat dan peringatan di atas tetap untuk skenario ini: peramban ini tidak dapat "
        "membuka teks untuk nilai yang digeser.",
        "The sentence and warnings above stay those of this scenario: this browser cannot "
        "open the texts for the moved value.",
    ),
    "html_open": ("Buka skenario ini di aplikasi", "Open this scenario in the app"),
    "html_open_moved": (
        "Buka nilai yang digeser di aplikasi",
        "Open the moved value in the app",
    ),
    "html_noscript": (
        "Instrumen, angka utama, dan grafik memerlukan JavaScript; bagian lain tetap dapat dibaca.",
        "The instruments, headline numbers and charts need JavaScript; the rest can still be read.",
    ),
    # Words in file names and the CSV convention of each language
    "file_results": ("hasil", "results"),
    "file_briefing": ("ringkasan", "briefing"),
    "file_interactive": ("ringkasan interaktif", "interactive briefing"),
    "data_note": (
        "Catatan data: model dikalibrasi pada jumlah IKM alas kaki menurut Kemenperin tahun 2017, "
        "yaitu 32.562 unit dan 113.907 tenaga kerja (orang yang bekerja, termasuk pemilik dan "
        "pekerja keluarga). Dengan rata-rata penjualan Rp14 juta per unit per bulan, unit skala "
        "mikro dan kecil hanya menyumbang sekitar 23% dari Rp22,98 triliun dan unit skala "
        "menengah sekitar 14%; sisanya tidak dijelaskan oleh jumlah unit tersebut dan ditampilkan "
        "terpisah tanpa tenaga kerja. Angka 2022–2025 (159.400 tenaga kerja, 60.760 unit) "
        "memiliki cakupan lain (seluruh KBLI 15, unit mikro rumah tangga) dan hanya digunakan "
        "untuk uji balik. Tahun 2016–2023 merupakan data resmi; lihat Metodologi.",
        "Data note: the model is calibrated to the ministry's 2017 count of footwear IKM, 32,562 "
        "units and 113,907 workers (persons engaged, owners and family workers included). At Rp "
        "14 million of monthly sales per unit, micro and small units make only about 23% of the "
        "Rp 22.98 trillion and medium firms about 14%; the rest is not explained by that count "
        "and is shown apart, with no workers. The 2022–2025 figures (159,400 workers, 60,760 "
        "units) have another coverage (all of KBLI 15, micro household units) and serve only to "
        "test the model. 2016–2023 are published data; see Methodology.",
    ),
    "footer": (
        "Sumber: Kemenperin dan BPS, diolah. Nilai atas dasar harga konstan 2016. Proyeksi, bukan "
        "prediksi.",
        "Source: Kemenperin and BPS, processed. Values in constant 2016 prices. Projections, not "
        "forecasts.",
    ),
    "share_copy": ("Salin tautan", "Copy link"),
    "share_native": ("Bagikan…", "Share…"),
    "share_copied": ("Tautan tersalin.", "Link copied."),
    "share_copy_failed": (
        "Tautan tidak dapat disalin otomatis; tautan sudah dipilih di kotak ini, salin dengan "
        "Ctrl+C atau tahan lalu pilih Salin.",
        "The link could not be copied automatically; it is selected in this box: copy it with "
        "Ctrl+C, or press and hold and choose Copy.",
    ),
    "share_whatsapp": ("Kirim lewat WhatsApp", "Send by WhatsApp"),
    "share_field": ("Tautan skenario", "Scenario link"),
    "share_text": (
        "Skenario IKM alas kaki (proyeksi, bukan prediksi)",
        "Footwear IKM scenario (a projection, not a forecast)",
    ),
    "undo": ("Urungkan", "Undo"),
    "redo": ("Ulangi", "Redo"),
    "link_bad_slide": (
        "Nomor salindia “{value}” di tautan tidak terbaca; salindia pertama yang dibuka.",
        "Slide '{value}' in the link could not be read; the first slide is shown.",
    ),
    "present_prev": ("Sebelumnya", "Previous"),
    "present_next": ("Berikutnya", "Next"),
    "present_slide": ("Salindia {n} dari {total}", "Slide {n} of {total}"),
    "present_levers": ("Instrumen kebijakan", "Policy instruments"),
    "present_keys": (
        "Gunakan tombol panah kiri dan kanan untuk berpindah salindia.",
        "The left and right arrow keys change slides.",
    ),
    "present_other_lang": ("English", "Bahasa Indonesia"),
    "goal_applied": (
        "{lever} kini {value}; hasil di atas telah diperbarui.",
        "{lever} is now {value}; the results above use it.",
    ),
    "compare_current": ("▶ Skenario saat ini", "▶ Current scenario"),
}

# How numbers are written in each language (EYD V and BPS practice for Indonesian: no space
# after Rp or USD, none before %, "persen poin", amounts under a trillion in miliar).
FORMATS: dict[str, tuple[str, str]] = {
    "rp_tn": ("Rp{v} triliun", "Rp {v} trillion"),
    "rp_bn": ("Rp{v} miliar", "Rp {v} billion"),
    "rp_mn": ("Rp{v} juta", "Rp {v} million"),
    "usd_bn": ("USD{v} miliar", "USD {v} billion"),
    "rp_compact": ("Rp{v}", "Rp {v}"),
    "usd_compact": ("USD{v}", "USD {v}"),
    "usd_mn": ("USD{v} juta", "USD {v} million"),
    "percent": ("{v}%", "{v}%"),
    "points": ("{v} persen poin", "{v} pts"),
    "units_one": ("{v} unit", "{v} unit"),
    "units_other": ("{v} unit", "{v} units"),
    "new_units_one": ("{v} unit usaha IKM baru", "{v} new IKM unit"),
    "new_units_other": ("{v} unit usaha IKM baru", "{v} new IKM units"),
    "place_units_one": (
        "{v} unit yang mendapat tempat berjualan khusus",
        "{v} unit with a dedicated sales place",
    ),
    "place_units_other": (
        "{v} unit yang mendapat tempat berjualan khusus",
        "{v} units with a dedicated sales place",
    ),
    "jobs_one": ("{v} orang", "{v} person"),
    "jobs_other": ("{v} orang", "{v} people"),
    "thousand": ("{v} ribu", "{v} thousand"),
    "million": ("{v} juta", "{v} million"),
    "csv_separator": (";", ","),
    "date": ("d MMMM y", "d MMMM y"),
    "range": ("{low}–{high}", "{low}–{high}"),
}

# Unit strings of data/parameters.csv, shown beside a value: (Indonesian, English) templates.
UNITS: dict[str, tuple[str, str]] = {
    "Rp trillion per year": ("Rp{v} triliun per tahun", "Rp {v} trillion a year"),
    "Rp trillion": ("Rp{v} triliun", "Rp {v} trillion"),
    "Rp million per month": ("Rp{v} juta per bulan", "Rp {v} million a month"),
    "Rp million": ("Rp{v} juta", "Rp {v} million"),
    "Rp million per worker per year": (
        "Rp{v} juta per pekerja per tahun",
        "Rp {v} million per worker a year",
    ),
    "Rp per USD": ("Rp{v} per USD", "Rp {v} per USD"),
    "USD million": ("USD{v} juta", "USD {v} million"),
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
    "ratio": ("{v}", "{v}"),
    "persons per Rp trillion": ("{v} orang per Rp1 triliun", "{v} persons per Rp 1 trillion"),
    "jobs per direct job": ("{v} per tenaga kerja langsung", "{v} per direct job"),
    "percentage points per year": ("{v} persen poin per tahun", "{v} percentage points a year"),
    "persons per unit": ("{v} orang per unit", "{v} persons per firm"),
}


def mid_sentence(text: str) -> str:
    """A label as it reads inside a sentence: its first letter in lower case, unless its
    first word is an acronym or a name in capitals ("IKM", "BPS", "KBLI 15"), which EYD V
    keeps as written ("unit usaha IKM", never "unit usaha ikm": only the first letter
    changes)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first.isupper() or first[1:2].isupper()):
        return text
    return text[:1].lower() + text[1:]


def sentence_start(text: str) -> str:
    """Text that begins a sentence (after a full stop): its first letter in capitals (EYD V)."""
    return text[:1].upper() + text[1:]


def pick(lang: str, indonesian: str, english: str) -> str:
    """The one of two texts that is in ``lang`` (Indonesian unless English is asked for): the
    only place a language is chosen, for this table and for the data files' paired columns
    (labels, sources, notes, descriptions)."""
    return english if lang == "en" else indonesian


def tr(key: str, lang: str, **values: object) -> str:
    """The text of ``key`` in ``lang`` with ``{placeholders}`` filled from ``values``."""
    text = pick(lang, *TEXT[key])
    return text.format(**values) if values else text


def form(key: str, lang: str) -> str:
    """How a kind of number is written in ``lang`` (a '{v}'-template or a symbol)."""
    return pick(lang, *FORMATS[key])


def unit_template(unit: str, lang: str) -> str:
    """The '{v}'-template that shows a value with its unit in ``lang``."""
    return pick(lang, *UNITS[unit])
