"""The default directory of a typical commune (xã) or ward (phường): who can be named in a plan's task table.

Aliases are written as a person would print them. The resolver folds accents and case, drops "phụ trách", "UBND xã",
"Đ/c", dashes and brackets, and rewrites "PCT", "Phó CT", "CBCC", "CB, công chức", "XH", "TK", so the lists below only
need the genuinely different wordings. A trailing "xã"/"phường" after a name is optional when matching.
"""
from .directory import Entry

# Residential groups are called differently in a commune and in a ward or township.
_RESIDENTIAL = {
    "xã": ("cac-xom", "Các xóm", ("các xóm", "các xóm dân cư", "các thôn", "các thôn, xóm", "các bản",
                                  "các ấp", "khu dân cư", "các khu dân cư")),
    "phường": ("cac-khoi", "Các khối, tổ dân phố", ("các khối", "các khối dân cư", "tổ dân phố",
                                                    "các tổ dân phố", "khối, tổ dân phố", "TDP", "các TDP",
                                                    "khu dân cư", "các khu dân cư")),
}

_VICE_CHAIRMEN = (
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
     ("Văn phòng - Thống kê", "Văn phòng-TK", "Văn phòng", "VP-TK", "VPTK", "Văn phòng HĐND - UBND",
      "Văn phòng HĐND")),
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
      "các cơ quan", "cơ quan, đơn vị", "các bộ phận")),
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


def _locality_word(locality_kind: str) -> str:
    return locality_kind if locality_kind in ("xã", "phường", "thị trấn") else "xã"


def _positions() -> list[Entry]:
    chairman = Entry("chu-tich", "Chủ tịch UBND", "position", "chairman",
                     ("Chủ tịch", "CT", "Chủ tịch Ủy ban nhân dân"))
    vices = [Entry(key, f"Phó Chủ tịch phụ trách {portfolio}", "position", "vice_chairman",
                   tuple(f"Phó Chủ tịch {term}" for term in terms), portfolio)
             for key, portfolio, terms in _VICE_CHAIRMEN]
    return [chairman, *vices]


def _officials() -> list[Entry]:
    # A post is printed with or without its "Công chức" head ("Kế toán Văn phòng-TK …"). The Office–Statistics
    # officer is kind "office": that post runs the monthly reporting cycle.
    return [Entry(key, name, "unit", "office" if key == "van-phong-tk" else "official",
                  tuple(dict.fromkeys((*terms, *(f"Công chức {t}" for t in terms)))))
            for key, name, terms in _OFFICIALS]


def default_entries(locality_kind: str = "xã") -> list[Entry]:
    loc = _locality_word(locality_kind)
    units = [Entry(key, name.format(loc=loc), "unit", kind, aliases) for key, name, kind, aliases in _UNITS]
    hamlet_key, hamlet_name, hamlet_aliases = _RESIDENTIAL["xã" if loc == "xã" else "phường"]
    groups = [Entry(key, name, "group", kind, aliases) for key, name, kind, aliases in _GROUPS]
    groups.append(Entry(hamlet_key, hamlet_name, "group", "hamlet", hamlet_aliases))
    return [*_positions(), *_officials(), *units, *groups]
