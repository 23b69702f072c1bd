from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_city_viewers_to_areas'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='user',
            name='city',
        ),
    ]
