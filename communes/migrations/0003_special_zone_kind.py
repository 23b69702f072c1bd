from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('communes', '0002_admin_area_above_communes'),
    ]

    operations = [
        migrations.AlterField(
            model_name='commune',
            name='kind',
            field=models.CharField(choices=[('xã', 'Xã'), ('phường', 'Phường'), ('thị trấn', 'Thị trấn'), ('đặc khu', 'Đặc khu')], default='xã', max_length=10, verbose_name='loại'),
        ),
    ]
