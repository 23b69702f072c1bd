import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_user_is_civil_servant'),
        ('communes', '0003_special_zone_kind'),
    ]

    operations = [
        migrations.AddField(
            model_name='user',
            name='area',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='users', to='communes.adminarea', verbose_name='đơn vị hành chính (cho tài khoản cấp tỉnh/huyện)'),
        ),
        migrations.AlterField(
            model_name='user',
            name='role',
            field=models.CharField(choices=[('chairman', 'Chủ tịch'), ('vice_chairman', 'Phó Chủ tịch'), ('office', 'Văn phòng – Thống kê'), ('unit_officer', 'Cán bộ đơn vị'), ('viewer', 'Chỉ xem'), ('area_viewer', 'Chỉ xem (cấp tỉnh/huyện)'), ('area_officer', 'Cán bộ cấp tỉnh/huyện (Sở, phòng)'), ('site_admin', 'Quản trị hệ thống')], default='viewer', max_length=20, verbose_name='vai trò'),
        ),
    ]
