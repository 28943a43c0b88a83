package cn.county.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CountyPlatformApplication {

	public static void main(String[] args) {
		SpringApplication.run(CountyPlatformApplication.class, args);
	}

}
