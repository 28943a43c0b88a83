package cn.county.platform.region;

public record Town(String code, String name) {
}
