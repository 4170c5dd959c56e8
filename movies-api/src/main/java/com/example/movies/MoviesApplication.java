package com.example.movies;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.example.movies.djangoimport.DjangoImportCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MoviesApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(DjangoImportCommand.NAME)) {
            System.exit(DjangoImportCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(MoviesApplication.class, args);
    }

}
