package io.leakwatch.notify;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One statement on a connection of the current transaction (or auto-committed outside one). */
final class Jdbc {

    private Jdbc() {
    }

    static int update(DataSource dataSource, String sql, Subscriptions.Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new NotifyStorageException("A notification statement failed", e);
        }
    }

    static <T> List<T> query(DataSource dataSource, String sql, Subscriptions.Binder binder, Subscriptions.RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new NotifyStorageException("A notification query failed", e);
        }
    }
}
