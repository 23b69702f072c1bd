"""The default directory of a former district: huyện, quận, thị xã, thành phố thuộc tỉnh (plans up to 2025).

Plain tables, read by directory_entries; "{loc}" in a display name becomes the locality word ("huyện", "quận" …).
The resolver rewrites the common abbreviations ("TC-KH", "NN&PTNT", "TN&MT", "LĐ-TB&XH", "GD&ĐT", "KT-HT",
"BCH Quân sự" …) before matching, and reads a trailing "huyện"/"UBND huyện" as part of the name before it, so
the aliases below only list the genuinely different wordings.
"""

CHAIRMAN_ALIASES = ("Chủ tịch", "CT", "Chủ tịch Ủy ban nhân dân")


def _portfolio(*terms: str) -> tuple[str, ...]:
    # Above the commune a vice-chairman's portfolio is often printed as a "khối" (block): "khối Kinh tế".
    return (*terms, *(f"khối {term}" for term in terms))


VICE_CHAIRMEN = (
    ("pct-thuong-truc", "Thường trực", ("Thường trực", "TT")),
    ("pct-kinh-te", "Kinh tế", _portfolio("Kinh tế", "Kinh tế - Hạ tầng", "kinh tế tổng hợp", "kinh tế ngành",
                                          "XDCB", "xây dựng cơ bản", "Kinh tế - Xây dựng", "Công nghiệp - Xây dựng")),
    ("pct-nong-nghiep", "Nông nghiệp", _portfolio("Nông nghiệp", "Nông nghiệp - Tài nguyên",
                                                  "Nông nghiệp, Tài nguyên và Môi trường", "NN&PTNT",
                                                  "Nông nghiệp và PTNT", "Nông lâm nghiệp", "Nông nghiệp, nông thôn")),
    ("pct-van-hoa-xa-hoi", "Văn hóa - Xã hội", _portfolio("Văn hóa - Xã hội", "Văn hóa", "Văn xã", "VHXH",
                                                          "Văn hóa - Xã hội - Giáo dục")),
    ("pct-do-thi", "Đô thị", _portfolio("Đô thị", "quản lý đô thị", "đô thị - đất đai", "đất đai",
                                        "xây dựng - đô thị")),
)


def officials() -> list:
    return []  # a district's plan names its offices, never a single official's post


# Specialised offices of a district People's Committee: Decree 37/2014/NĐ-CP Art. 7 as amended by Decree
# 108/2020/NĐ-CP (Phòng Kinh tế và Hạ tầng and Phòng NN&PTNT in a huyện; Phòng Quản lý đô thị and Phòng Kinh tế in
# a quận, thị xã or thành phố), and the 2025 merged ones of Decree 45/2025/NĐ-CP (Phòng Nội vụ taking over
# LĐ-TB&XH, Phòng Nông nghiệp và Môi trường, Phòng Kinh tế, Hạ tầng và Đô thị, Phòng Văn hóa, Khoa học và Thông tin).
# (key, display name, kind, aliases)
OFFICES = (
    ("van-phong-hdnd-ubnd", "Văn phòng HĐND và UBND {loc}", "office",
     ("Văn phòng HĐND và UBND", "Văn phòng HĐND - UBND", "Văn phòng HĐND&UBND", "VP HĐND và UBND", "VP HĐND-UBND",
      "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Văn phòng UBND", "Văn phòng", "VP")),
    ("phong-noi-vu", "Phòng Nội vụ {loc}", "department", ("Phòng Nội vụ", "Nội vụ")),
    ("phong-tu-phap", "Phòng Tư pháp {loc}", "department", ("Phòng Tư pháp", "Tư pháp")),
    ("phong-tai-chinh-ke-hoach", "Phòng Tài chính - Kế hoạch {loc}", "department",
     ("Phòng Tài chính - Kế hoạch", "Tài chính - Kế hoạch", "Phòng Tài chính và Kế hoạch", "Phòng Tài chính",
      "Phòng Tài chính, Kế hoạch")),
    ("phong-tai-nguyen-moi-truong", "Phòng Tài nguyên và Môi trường {loc}", "department",
     ("Phòng Tài nguyên và Môi trường", "Tài nguyên và Môi trường", "Phòng Tài nguyên - Môi trường",
      "Phòng Tài nguyên Môi trường", "Phòng Tài nguyên")),
    ("phong-nong-nghiep-ptnt", "Phòng Nông nghiệp và Phát triển nông thôn {loc}", "department",
     ("Phòng Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Phát triển nông thôn",
      "Phòng Nông nghiệp - Phát triển nông thôn", "Phòng Nông nghiệp PTNT")),
    ("phong-nong-nghiep-moi-truong", "Phòng Nông nghiệp và Môi trường {loc}", "department",
     ("Phòng Nông nghiệp và Môi trường", "Phòng NN&MT", "Phòng Nông nghiệp - Môi trường")),
    ("phong-kinh-te-ha-tang", "Phòng Kinh tế và Hạ tầng {loc}", "department",
     ("Phòng Kinh tế và Hạ tầng", "Phòng Kinh tế - Hạ tầng", "Kinh tế - Hạ tầng", "Phòng Kinh tế, Hạ tầng",
      "Phòng Kinh tế Hạ tầng", "Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng KT, HT&ĐT",
      "Phòng Kinh tế - Hạ tầng - Đô thị", "Phòng KT-HT-ĐT")),
    ("phong-kinh-te", "Phòng Kinh tế {loc}", "department", ("Phòng Kinh tế",)),
    ("phong-quan-ly-do-thi", "Phòng Quản lý đô thị {loc}", "department",
     ("Phòng Quản lý đô thị", "Phòng QLĐT", "Phòng Quản lý Đô thị", "Quản lý đô thị")),
    ("phong-van-hoa-thong-tin", "Phòng Văn hóa và Thông tin {loc}", "department",
     ("Phòng Văn hóa và Thông tin", "Phòng Văn hóa - Thông tin", "Phòng Văn hóa, Thông tin", "Phòng VH-TT",
      "Phòng VHTT", "Phòng VH&TT", "Phòng Văn hóa Thông tin", "Phòng Văn hóa", "Văn hóa và Thông tin",
      "Phòng Văn hóa, Khoa học và Thông tin", "Phòng VH, KH&TT")),
    ("phong-lao-dong", "Phòng Lao động - Thương binh và Xã hội {loc}", "department",
     ("Phòng Lao động - Thương binh và Xã hội", "Phòng Lao động, Thương binh và Xã hội", "Phòng Lao động",
      "Lao động - Thương binh và Xã hội", "Phòng LĐ, TB&XH")),
    ("phong-giao-duc", "Phòng Giáo dục và Đào tạo {loc}", "department",
     ("Phòng Giáo dục và Đào tạo", "Phòng Giáo dục - Đào tạo", "Phòng Giáo dục", "Giáo dục và Đào tạo")),
    ("phong-y-te", "Phòng Y tế {loc}", "department", ("Phòng Y tế",)),
    ("phong-dan-toc", "Phòng Dân tộc {loc}", "department",
     ("Phòng Dân tộc", "Phòng Dân tộc và Tôn giáo", "Phòng Dân tộc - Tôn giáo")),
    ("thanh-tra", "Thanh tra {loc}", "department", ("Thanh tra",)),
)

# Bodies that exist at district and province level alike; the level word follows the name.
SHARED = (
    ("cong-an", "Công an {loc}", "police", ("Công an", "CA")),
    ("mttq", "Ủy ban MTTQ Việt Nam {loc}", "front",
     ("UBMTTQ", "MTTQ", "UB MTTQ", "Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc", "Mặt trận Tổ quốc", "Mặt trận",
      "Ủy ban Mặt trận Tổ quốc Việt Nam", "MTTQVN", "Ủy ban MTTQ Việt Nam", "UBMTTQ Việt Nam")),
    ("hdnd", "Hội đồng nhân dân {loc}", "other", ("HĐND", "Thường trực HĐND", "Hội đồng nhân dân")),
    ("hoi-phu-nu", "Hội Liên hiệp Phụ nữ {loc}", "mass_org",
     ("Hội Phụ nữ", "Hội LHPN", "Hội Liên hiệp Phụ nữ", "HPN")),
    ("hoi-nong-dan", "Hội Nông dân {loc}", "mass_org", ("Hội Nông dân", "HND")),
    ("hoi-cuu-chien-binh", "Hội Cựu chiến binh {loc}", "mass_org", ("Hội Cựu chiến binh", "Hội CCB", "CCB")),
    ("lien-doan-lao-dong", "Liên đoàn Lao động {loc}", "mass_org", ("Liên đoàn Lao động", "LĐLĐ")),
    ("kho-bac", "Kho bạc Nhà nước {loc}", "other", ("Kho bạc Nhà nước", "Kho bạc NN", "KBNN", "Kho bạc")),
    ("ngan-hang-csxh", "Ngân hàng Chính sách xã hội {loc}", "other",
     ("Ngân hàng Chính sách xã hội", "NHCSXH", "Ngân hàng CSXH", "Phòng giao dịch NHCSXH",
      "Phòng giao dịch Ngân hàng Chính sách xã hội", "PGD NHCSXH")),
    ("dien-luc", "Điện lực {loc}", "other", ("Điện lực", "Công ty Điện lực")),
)
_PARTY = {"huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy"}
_YOUTH = {"huyện": "Huyện đoàn", "quận": "Quận đoàn", "thị xã": "Thị đoàn", "thành phố": "Thành đoàn"}

_DISTRICT_UNITS = (
    ("quan-su", "Ban Chỉ huy Quân sự {loc}", "military",
     ("Ban Chỉ huy Quân sự", "BCH Quân sự", "Ban CHQS", "BCHQS", "Huyện đội", "Quân sự", "Ban Chỉ huy QS")),
    ("trung-tam-y-te", "Trung tâm Y tế {loc}", "health", ("Trung tâm Y tế", "TTYT", "TT Y tế", "TT YT")),
    ("trung-tam-van-hoa", "Trung tâm Văn hóa - Thể thao {loc}", "other",
     ("Trung tâm Văn hóa - Thể thao", "Trung tâm Văn hóa, Thể thao", "Trung tâm Văn hóa - Thông tin và Thể thao",
      "Trung tâm Văn hóa, Thông tin và Thể thao", "Trung tâm Văn hóa - Thể thao và Truyền thông",
      "Trung tâm VH-TT", "Trung tâm VH-TT&TT", "TT VH-TT")),
    ("trung-tam-nong-nghiep", "Trung tâm Dịch vụ nông nghiệp {loc}", "other",
     ("Trung tâm Dịch vụ nông nghiệp", "Trung tâm DVNN", "TT DVNN", "Trạm Khuyến nông")),
    ("trung-tam-gdnn", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên {loc}", "school",
     ("Trung tâm GDNN-GDTX", "TT GDNN-GDTX", "Trung tâm GDNN - GDTX",
      "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên")),
    ("ban-qlda", "Ban Quản lý dự án đầu tư xây dựng {loc}", "other",
     ("Ban Quản lý dự án đầu tư xây dựng", "Ban QLDA", "Ban QLDA ĐTXD", "Ban Quản lý dự án", "Ban QLDA đầu tư xây dựng",
      "Ban Quản lý các dự án đầu tư xây dựng")),
    ("trung-tam-quy-dat", "Trung tâm Phát triển quỹ đất {loc}", "other",
     ("Trung tâm Phát triển quỹ đất", "Trung tâm PTQĐ", "TT PTQĐ", "Trung tâm PTQĐ và CCN")),
    ("chi-cuc-thue", "Chi cục Thuế {loc}", "other", ("Chi cục Thuế", "Chi cục Thuế khu vực", "CCT")),
    ("chi-cuc-thong-ke", "Chi cục Thống kê {loc}", "other", ("Chi cục Thống kê", "CCTK")),
)


def units(locality_kind: str) -> list:
    party = ("dang-uy", _PARTY.get(locality_kind, "Huyện ủy"), "other",
             (*_PARTY.values(), *(f"Ban Thường vụ {name}" for name in _PARTY.values()), "Đảng ủy"))
    youth = ("doan-thanh-nien", "Đoàn Thanh niên {loc}", "mass_org",
             (*_YOUTH.values(), "Đoàn Thanh niên", "Đoàn TN", "ĐTN", "Đoàn TNCS Hồ Chí Minh"))
    return [*OFFICES, *SHARED, *_DISTRICT_UNITS, party, youth]


# Groups shared by district and province plans. (key, display name, kind of the members, aliases)
SHARED_GROUPS = (
    ("cac-pct", "Các Phó Chủ tịch", "vice_chairman", ("các Phó Chủ tịch", "các PCT", "các Phó CT")),
    ("lanh-dao", "Lãnh đạo UBND", "leader", ("Lãnh đạo UBND", "Lãnh đạo", "Thường trực UBND")),
    ("cac-don-vi", "Các cơ quan, đơn vị", "unit",
     ("các cơ quan, đơn vị", "các đơn vị", "các cơ quan", "cơ quan, đơn vị", "các ngành", "các ban, ngành",
      "các ban ngành", "các ngành, đơn vị", "đơn vị")),
    ("cac-doan-the", "Các đoàn thể", "mass_org",
     ("các đoàn thể", "đoàn thể", "các tổ chức đoàn thể", "các hội, đoàn thể", "các tổ chức chính trị - xã hội",
      "các tổ chức chính trị xã hội", "các hội", "các tổ chức hội")),
    ("cac-truong-hoc", "Các trường học", "school",
     ("các trường học", "các trường", "các nhà trường", "các cơ sở giáo dục", "các đơn vị trường học")),
    ("cac-htx", "Các hợp tác xã", "cooperative", ("Các HTX", "các hợp tác xã", "HTX", "hợp tác xã")),
    ("cac-doanh-nghiep", "Các doanh nghiệp", "other",
     ("các doanh nghiệp", "doanh nghiệp", "các DN", "cộng đồng doanh nghiệp", "các nhà đầu tư")),
)
_COMMUNES = ("UBND các xã, thị trấn", "UBND các xã", "UBND xã, thị trấn", "các xã, thị trấn", "UBND các xã, TT",
             "UBND các phường", "UBND các xã, phường", "UBND các phường, xã", "UBND các xã, phường, thị trấn",
             "các xã, phường", "các phường, xã", "các phường", "UBND cấp xã", "các xã")


def groups(locality_kind: str) -> list:
    communes_name = {"huyện": "UBND các xã, thị trấn", "quận": "UBND các phường"}.get(locality_kind,
                                                                                      "UBND các xã, phường")
    offices = ("cac-phong-ban", "Các phòng, ban, ngành", "unit",
               ("các phòng, ban, ngành", "các phòng, ban", "các phòng ban", "các phòng, ban chuyên môn",
                "các phòng chuyên môn", "các phòng, ban, ngành cấp huyện", "các phòng, ban, đơn vị",
                "các phòng, ngành", "các phòng, ban, ngành, đơn vị", "phòng, ban, ngành"))
    return [*SHARED_GROUPS, offices, ("ubnd-cac-xa", communes_name, "commune", _COMMUNES)]
