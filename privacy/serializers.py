from rest_framework import serializers


class MeDeleteInputSerializer(serializers.Serializer):
    password = serializers.CharField(max_length=4096, trim_whitespace=False)
