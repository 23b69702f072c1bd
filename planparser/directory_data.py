"""The default directory of a commune (xã), ward (phường), township (thị trấn) or special zone (đặc khu).

Plain tables, read by directory_entries. Aliases are written as a person would print them. The resolver folds
accents and case, drops "phụ trách", "UBND xã", "Đ/c", dashes and brackets, and rewrites "PCT", "Phó CT", "CBCC",
"CB, công chức", "XH", "TK", "NN&PTNT", "TC-KH" …, so the lists below only need the genuinely different wordings.
A trailing "xã"/"phường" after a name is optional when matching.
"""

# Residential groups are called differently in a commune and in a ward or township.
_RESIDENTIAL = {
    "xã": ("cac-xom", "Các xóm", ("các xóm", "các xóm dân cư", "các thôn", "các thôn, xóm", "các bản",
                                  "các ấp", "khu dân cư", "các khu dân cư", "các thôn, làng", "các làng",
                                  "thôn, làng", "các thôn, bản", "các thôn, bản, làng", "các thôn, xóm, bản",
                                  # communes merged in 2025 often hold former townships' residential groups
                                  "các thôn, tổ dân phố", "thôn, tổ dân phố", "các thôn, TDP", "các tổ dân phố",
                                  "các thôn, khu phố")),
    "phường": ("cac-khoi", "Các khối, tổ dân phố", ("các khối", "các khối dân cư", "tổ dân phố",
                                                    "các tổ dân phố", "khối, tổ dân phố", "TDP", "các TDP",
                                                    "khu dân cư", "các khu dân cư")),
}

VICE_CHAIRMEN = (
    ("pct-kinh-te", "Kinh tế", ("Kinh tế", "XDCB", "xây dựng cơ bản", "nông nghiệp", "kinh tế, nông nghiệp",
                                "kinh tế - nông nghiệp", "kinh tế - xây dựng cơ bản")),
    ("pct-van-hoa-xa-hoi", "Văn hóa - Xã hội", ("Văn hóa - Xã hội", "Văn hóa", "Văn xã", "VHXH",
                                                "Văn hóa - Xã hội - Giáo dục")),
    ("pct-do-thi", "Đô thị", ("Đô thị", "đô thị, đất đai", "đô thị - đất đai", "đất đai", "quản lý đô thị",
                              "đô thị - môi trường", "xây dựng - đô thị")),
)

# (key, display name, printed post names without the "Công chức" head)
_OFFICIALS = (
    ("van-phong-tk", "Công chức Văn phòng - Thống kê",
     ("Văn phòng - Thống kê", "Văn phòng-TK", "Văn phòng", "VP-TK", "VPTK")),
    ("cc-dia-chinh", "Công chức Địa chính",
     ("Địa chính", "Địa chính - Môi trường", "Địa chính - Nông nghiệp", "Tài nguyên - Môi trường",
      "Địa chính - Tài nguyên")),
    ("cc-do-thi", "Công chức Đô thị - Xây dựng",
     ("Đô thị", "Địa chính - Xây dựng - Đô thị - Môi trường", "Địa chính - Xây dựng - Đô thị và Môi trường",
      "Địa chính - Xây dựng", "Xây dựng", "Đô thị - Xây dựng", "Xây dựng - Đô thị", "Đô thị - Môi trường",
      "Giao thông - Thủy lợi", "Giao thông")),
    ("cc-ke-toan", "Công chức Tài chính - Kế toán",
     ("Kế toán", "Tài chính - Kế toán", "Tài chính", "Kế toán ngân sách", "Kế toán - Ngân sách",
      "Tài chính - Ngân sách", "Kế toán ngân sách xã", "TC-KT")),
    ("cc-tu-phap", "Công chức Tư pháp - Hộ tịch", ("Tư pháp", "Tư pháp - Hộ tịch", "Hộ tịch", "TP-HT")),
    ("cc-van-hoa-xa-hoi", "Công chức Văn hóa - Xã hội",
     ("Văn hóa - Xã hội", "Văn hóa", "VH-XH", "VHXH", "Văn hóa - Thông tin", "Văn hóa thông tin",
      "Lao động - Thương binh và Xã hội", "LĐTB&XH", "LĐTBXH", "Chính sách", "Chính sách xã hội")),
    ("cc-kinh-te", "Công chức phụ trách Kinh tế - Nông nghiệp",
     ("Kinh tế, nông nghiệp", "Kinh tế - Nông nghiệp", "Kinh tế nông nghiệp", "Kinh tế", "Nông nghiệp",
      "Khuyến nông", "Nông nghiệp - Môi trường")),
)

# (key, display name with {loc} for the locality word, kind, aliases)
_UNITS = (
    ("cong-an", "Công an {loc}", "police", ("Công an", "Trưởng Công an", "CA", "Công an viên")),
    ("quan-su", "Ban Chỉ huy quân sự {loc}", "military",
     ("Ban Chỉ huy quân sự", "BCH quân sự", "Ban CHQS", "BCHQS", "Quân sự", "Chỉ huy trưởng quân sự",
      "Xã đội", "Ban chỉ huy quân sự")),
    ("tram-y-te", "Trạm Y tế {loc}", "health", ("Trạm Y tế", "TYT", "Y tế")),
    ("mttq", "Ủy ban MTTQ {loc}", "front",
     ("UBMTTQ", "MTTQ", "UB MTTQ", "Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc", "Mặt trận Tổ quốc", "Mặt trận",
      "Ủy ban Mặt trận Tổ quốc Việt Nam", "MTTQVN")),
    ("doi-qtdt", "Đội quản lý trật tự đô thị", "other",
     ("Đội QTĐT", "QTĐT", "Đội quản lý trật tự đô thị", "Đội trật tự đô thị", "Đội TTĐT", "Đội QLTTĐT")),
    ("quy-tin-dung", "Quỹ tín dụng nhân dân", "other",
     ("QTD", "QTDND", "Quỹ tín dụng", "Quỹ TDND", "Quỹ tín dụng nhân dân")),
    ("dang-uy", "Đảng ủy {loc}", "other", ("Đảng ủy", "Thường trực Đảng ủy", "Văn phòng Đảng ủy")),
    ("hdnd", "Hội đồng nhân dân {loc}", "other", ("HĐND", "Thường trực HĐND", "Hội đồng nhân dân")),
    ("doan-thanh-nien", "Đoàn Thanh niên", "mass_org",
     ("Đoàn Thanh niên", "Đoàn TN", "ĐTN", "Đoàn thanh niên cộng sản Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh")),
    ("hoi-phu-nu", "Hội Liên hiệp Phụ nữ", "mass_org", ("Hội Phụ nữ", "Hội LHPN", "Hội Liên hiệp Phụ nữ", "HPN")),
    ("hoi-nong-dan", "Hội Nông dân", "mass_org", ("Hội Nông dân", "HND")),
    ("hoi-cuu-chien-binh", "Hội Cựu chiến binh", "mass_org", ("Hội Cựu chiến binh", "Hội CCB", "CCB")),
    ("hoi-nguoi-cao-tuoi", "Hội Người cao tuổi", "mass_org", ("Hội Người cao tuổi", "Hội NCT")),
    ("hoi-chu-thap-do", "Hội Chữ thập đỏ", "mass_org", ("Hội Chữ thập đỏ", "Hội CTĐ")),
    ("cong-doan", "Công đoàn cơ sở", "mass_org", ("Công đoàn", "Công đoàn cơ sở")),
    ("truong-mam-non", "Trường Mầm non", "school", ("Trường Mầm non", "Trường MN")),
    ("truong-tieu-hoc", "Trường Tiểu học", "school", ("Trường Tiểu học", "Trường TH")),
    ("truong-thcs", "Trường THCS", "school", ("Trường THCS", "Trường Trung học cơ sở")),
)

# (key, display name, kind of the members, aliases)
_GROUPS = (
    ("cac-pct", "Các Phó Chủ tịch", "vice_chairman", ("các Phó Chủ tịch", "các PCT", "các Phó CT")),
    ("lanh-dao", "Lãnh đạo UBND", "leader",
     ("Lãnh đạo UBND", "Lãnh đạo", "Thường trực UBND", "Lãnh đạo UBND xã")),
    ("cac-cbcc", "Các cán bộ, công chức", "official",
     ("Các cán bộ, công chức", "Cán bộ, công chức", "CBCC", "Các CBCC", "Các công chức", "Công chức",
      "Cán bộ công chức", "toàn thể cán bộ, công chức",
      "Cán bộ, công chức, viên chức", "Các cán bộ, công chức, viên chức")),
    ("cac-don-vi", "Các đơn vị", "unit",
     ("các đơn vị", "đơn vị", "các ban ngành", "các ban, ngành", "ban ngành", "các ngành", "các cơ quan, đơn vị",
      "các cơ quan", "cơ quan, đơn vị", "các bộ phận",
      # since 2025 a commune has offices of its own, named as a whole in the same way
      "các phòng, ban, ngành", "các phòng, ban", "các phòng chuyên môn", "các phòng, ban chuyên môn")),
    ("cac-doan-the", "Các đoàn thể", "mass_org",
     ("các đoàn thể", "đoàn thể", "các tổ chức đoàn thể", "các hội đoàn thể", "các tổ chức chính trị - xã hội",
      "các hội", "các tổ chức hội")),
    ("cac-truong-hoc", "Các trường học", "school",
     ("các trường học", "trường học", "các trường", "các nhà trường", "nhà trường")),
    ("cac-htx", "Các hợp tác xã", "cooperative",
     ("Các HTX", "HTX", "các hợp tác xã", "hợp tác xã", "các HTX nông nghiệp", "HTX nông nghiệp",
      "hợp tác xã nông nghiệp", "các hợp tác xã nông nghiệp")),
    ("to-hop-tac", "Các tổ hợp tác", "cooperative", ("tổ hợp tác", "các tổ hợp tác", "THT")),
)


# Since 1 July 2025 a commune has specialised offices (Decree 150/2025/NĐ-CP, Chapter III, Art. 15 for Phòng Kinh
# tế): Văn phòng HĐND và UBND, Phòng Kinh tế (a ward's, and Phú Quốc special zone's, is Phòng Kinh tế, Hạ tầng và
# Đô thị), Phòng Văn hóa - Xã hội, and a public administration service centre. Plans up to 2025 name posts instead.
_OFFICES = (
    ("van-phong-hdnd-ubnd", "Văn phòng HĐND và UBND {loc}", "office",
     ("Văn phòng HĐND và UBND", "Văn phòng HĐND - UBND", "Văn phòng HĐND-UBND", "Văn phòng HĐND&UBND",
      "VP HĐND và UBND", "VP HĐND-UBND", "VP HĐND&UBND", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
      "Văn phòng HĐND")),
    ("phong-van-hoa-xa-hoi", "Phòng Văn hóa - Xã hội", "department",
     ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa và Xã hội", "Phòng VH-XH", "Phòng VHXH", "Phòng Văn hóa, Xã hội",
      "Phòng Văn hóa XH")),
    ("trung-tam-hcc", "Trung tâm Phục vụ hành chính công {loc}", "office",
     ("Trung tâm Phục vụ hành chính công", "Trung tâm PVHCC", "TT PVHCC", "TTPVHCC", "Trung tâm hành chính công",
      "TT Phục vụ HCC", "Trung tâm Phục vụ HCC", "Trung tâm HCC", "TT HCC")),
)
_ECONOMY_OFFICE = ("Phòng Kinh tế", "Phòng KT", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Kinh tế - Hạ tầng - Đô thị",
                   "Phòng KT, HT&ĐT", "Phòng KT-HT-ĐT", "Phòng Kinh tế, Hạ tầng, Đô thị")

CHAIRMAN_ALIASES = ("Chủ tịch", "CT", "Chủ tịch Ủy ban nhân dân")


def officials() -> list[tuple[str, str, str, tuple[str, ...]]]:
    # A post is printed with or without its "Công chức" head ("Kế toán Văn phòng-TK …"). The Office–Statistics
    # officer is kind "office": that post runs the monthly reporting cycle.
    return [(key, name, "office" if key == "van-phong-tk" else "official", (*terms, *(f"Công chức {t}" for t in terms)))
            for key, name, terms in _OFFICIALS]


def units(locality_kind: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    economy_name = "Phòng Kinh tế, Hạ tầng và Đô thị" if locality_kind == "phường" else "Phòng Kinh tế"
    return [*_UNITS, *_OFFICES, ("phong-kinh-te", economy_name, "department", _ECONOMY_OFFICE)]


def groups(locality_kind: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    # Residential groups are hamlets (xóm, thôn) in a commune and special zone, khối or tổ dân phố in a ward or a
    # township.
    hamlet_key, hamlet_name, hamlet_aliases = _RESIDENTIAL["xã" if locality_kind in ("xã", "đặc khu") else "phường"]
    return [*_GROUPS, (hamlet_key, hamlet_name, "hamlet", hamlet_aliases)]
